<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>nmdi</Name>
    <UserStyle>
      <Name>nmdi</Name>
      <Title>Normalised multi-band drought index (0–1)</Title>
      <Abstract>NMDI; a cividis-like ramp designed for colour-vision deficiency.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#00204d" quantity="0" label="0"/>
              <ColorMapEntry color="#414d6b" quantity="0.25" label="0.25"/>
              <ColorMapEntry color="#7c7b78" quantity="0.5" label="0.5"/>
              <ColorMapEntry color="#bcaf6f" quantity="0.75" label="0.75"/>
              <ColorMapEntry color="#ffea46" quantity="1" label="1"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
