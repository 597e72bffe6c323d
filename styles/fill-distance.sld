<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>fill-distance</Name>
    <UserStyle>
      <Name>fill-distance</Name>
      <Title>Gap-filling distance (days)</Title>
      <Abstract>Mean number of days between a gap-filled pixel's date and the neighbouring dates its estimates came from (ssm:GapFillLST): observed pixels are 0 (light grey), near dates green, dates up to 30 days away red; ColorBrewer RdYlGn reversed.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#e0e0e0" quantity="0" label="observed"/>
              <ColorMapEntry color="#1a9850" quantity="1" label="1 day"/>
              <ColorMapEntry color="#91cf60" quantity="4" label="4 days"/>
              <ColorMapEntry color="#fee08b" quantity="10" label="10 days"/>
              <ColorMapEntry color="#fc8d59" quantity="20" label="20 days"/>
              <ColorMapEntry color="#d73027" quantity="30" label="30 days"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
