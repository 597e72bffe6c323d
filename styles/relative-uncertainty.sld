<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>relative-uncertainty</Name>
    <UserStyle>
      <Name>relative-uncertainty</Name>
      <Title>Relative uncertainty (uncertainty / product mean)</Title>
      <Abstract>Three-cornered hat uncertainty divided by the product's mean (paper E section 3.5), low (pale) to high (dark purple); ColorBrewer RdPu. 0.5 and above are drawn as 0.5.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#feebe2" quantity="0" label="0"/>
              <ColorMapEntry color="#fbb4b9" quantity="0.1" label="0.1"/>
              <ColorMapEntry color="#f768a1" quantity="0.2" label="0.2"/>
              <ColorMapEntry color="#c51b8a" quantity="0.3" label="0.3"/>
              <ColorMapEntry color="#7a0177" quantity="0.5" label="0.5"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
