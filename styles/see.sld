<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>see</Name>
    <UserStyle>
      <Name>see</Name>
      <Title>Soil evaporative efficiency (0–1)</Title>
      <Abstract>Soil evaporative efficiency from dry (0, pale) to wet (1, dark blue); ColorBrewer YlGnBu.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#ffffd9" quantity="0" label="0"/>
              <ColorMapEntry color="#c7e9b4" quantity="0.25" label="0.25"/>
              <ColorMapEntry color="#41b6c4" quantity="0.5" label="0.5"/>
              <ColorMapEntry color="#225ea8" quantity="0.75" label="0.75"/>
              <ColorMapEntry color="#081d58" quantity="1" label="1"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
