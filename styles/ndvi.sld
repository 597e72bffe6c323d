<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>ndvi</Name>
    <UserStyle>
      <Name>ndvi</Name>
      <Title>NDVI (unitless)</Title>
      <Abstract>Normalised difference vegetation index: bare soil and water in browns, dense vegetation in dark green.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#8c510a" quantity="-0.2" label="−0.2"/>
              <ColorMapEntry color="#d8b365" quantity="0" label="0"/>
              <ColorMapEntry color="#f6e8c3" quantity="0.2" label="0.2"/>
              <ColorMapEntry color="#d9f0a3" quantity="0.4" label="0.4"/>
              <ColorMapEntry color="#78c679" quantity="0.6" label="0.6"/>
              <ColorMapEntry color="#238443" quantity="0.8" label="0.8"/>
              <ColorMapEntry color="#004529" quantity="1" label="1"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
