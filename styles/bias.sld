<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>bias</Name>
    <UserStyle>
      <Name>bias</Name>
      <Title>Soil moisture bias (m³/m³, product − reference)</Title>
      <Abstract>Diverging ramp centred on zero: too dry in red, too wet in blue; ColorBrewer RdBu, readable with red-green colour blindness.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#b2182b" quantity="-0.1" label="−0.1 (drier)"/>
              <ColorMapEntry color="#ef8a62" quantity="-0.05" label="−0.05"/>
              <ColorMapEntry color="#f7f7f7" quantity="0" label="0"/>
              <ColorMapEntry color="#67a9cf" quantity="0.05" label="0.05"/>
              <ColorMapEntry color="#2166ac" quantity="0.1" label="0.1 (wetter)"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
