<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>station-error</Name>
    <UserStyle>
      <Name>station-error</Name>
      <Title>Station error (m³/m³)</Title>
      <Abstract>Error of a product against in-situ stations (RMSE, ubRMSE or error standard deviation); ColorBrewer Purples.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#f2f0f7" quantity="0" label="0"/>
              <ColorMapEntry color="#cbc9e2" quantity="0.025" label="0.025"/>
              <ColorMapEntry color="#9e9ac8" quantity="0.05" label="0.05"/>
              <ColorMapEntry color="#756bb1" quantity="0.075" label="0.075"/>
              <ColorMapEntry color="#54278f" quantity="0.1" label="0.1"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
