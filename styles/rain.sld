<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>rain</Name>
    <UserStyle>
      <Name>rain</Name>
      <Title>Precipitation (mm/day)</Title>
      <Abstract>Daily precipitation; dry pixels are transparent, rain in blues (ColorBrewer Blues).</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#f7fbff" quantity="0" opacity="0.0" label="0"/>
              <ColorMapEntry color="#deebf7" quantity="0.1" label="0.1"/>
              <ColorMapEntry color="#9ecae1" quantity="5" label="5"/>
              <ColorMapEntry color="#6baed6" quantity="10" label="10"/>
              <ColorMapEntry color="#3182bd" quantity="20" label="20"/>
              <ColorMapEntry color="#08519c" quantity="50" label="50"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
