<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>dem</Name>
    <UserStyle>
      <Name>dem</Name>
      <Title>Elevation (m)</Title>
      <Abstract>Elevation above sea level; viridis, perceptually uniform and readable with colour-vision deficiency.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#440154" quantity="0" label="0"/>
              <ColorMapEntry color="#3b528b" quantity="750" label="750"/>
              <ColorMapEntry color="#21918c" quantity="1500" label="1500"/>
              <ColorMapEntry color="#5ec962" quantity="2250" label="2250"/>
              <ColorMapEntry color="#fde725" quantity="3000" label="3000"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
