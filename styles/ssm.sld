<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>ssm</Name>
    <UserStyle>
      <Name>ssm</Name>
      <Title>Surface soil moisture (m³/m³)</Title>
      <Abstract>Volumetric surface soil moisture from dry (brown) to wet (blue-green); ColorBrewer BrBG, readable with red-green colour blindness.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#8c510a" quantity="0" label="0"/>
              <ColorMapEntry color="#d8b365" quantity="0.1" label="0.1"/>
              <ColorMapEntry color="#f6e8c3" quantity="0.2" label="0.2"/>
              <ColorMapEntry color="#c7eae5" quantity="0.3" label="0.3"/>
              <ColorMapEntry color="#5ab4ac" quantity="0.4" label="0.4"/>
              <ColorMapEntry color="#01665e" quantity="0.5" label="0.5"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
