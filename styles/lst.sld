<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>lst</Name>
    <UserStyle>
      <Name>lst</Name>
      <Title>Land surface temperature (K)</Title>
      <Abstract>Land surface temperature from cold (dark) to hot (light); an inferno-like ramp whose lightness rises monotonically.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#000004" quantity="260" label="260"/>
              <ColorMapEntry color="#420a68" quantity="274" label="274"/>
              <ColorMapEntry color="#932667" quantity="288" label="288"/>
              <ColorMapEntry color="#dd513a" quantity="302" label="302"/>
              <ColorMapEntry color="#fca50a" quantity="316" label="316"/>
              <ColorMapEntry color="#fcffa4" quantity="330" label="330"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
