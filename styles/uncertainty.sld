<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>uncertainty</Name>
    <UserStyle>
      <Name>uncertainty</Name>
      <Title>Soil moisture uncertainty (m³/m³)</Title>
      <Abstract>Relative or absolute uncertainty, low (pale) to high (dark red); ColorBrewer YlOrRd.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#ffffcc" quantity="0" label="0"/>
              <ColorMapEntry color="#fed976" quantity="0.025" label="0.025"/>
              <ColorMapEntry color="#fd8d3c" quantity="0.05" label="0.05"/>
              <ColorMapEntry color="#e31a1c" quantity="0.075" label="0.075"/>
              <ColorMapEntry color="#800026" quantity="0.1" label="0.1"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
