<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>fvc</Name>
    <UserStyle>
      <Name>fvc</Name>
      <Title>Fractional vegetation cover (0–1)</Title>
      <Abstract>Fraction of the pixel covered by vegetation; ColorBrewer YlGn.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#ffffe5" quantity="0" label="0"/>
              <ColorMapEntry color="#d9f0a3" quantity="0.25" label="0.25"/>
              <ColorMapEntry color="#78c679" quantity="0.5" label="0.5"/>
              <ColorMapEntry color="#238443" quantity="0.75" label="0.75"/>
              <ColorMapEntry color="#004529" quantity="1" label="1"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
