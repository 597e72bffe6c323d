<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>lambda</Name>
    <UserStyle>
      <Name>lambda</Name>
      <Title>Whittaker smoothing parameter (log10 λ)</Title>
      <Abstract>log10 of the smoothing parameter λ chosen per pixel by the V-curve of ssm:WhittakerSmooth, over the default grid −2 to 1: little smoothing (light) to strong smoothing (dark purple); ColorBrewer BuPu.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="ramp">
              <ColorMapEntry color="#edf8fb" quantity="-2" label="−2 (λ = 0.01)"/>
              <ColorMapEntry color="#bfd3e6" quantity="-1.5" label="−1.5"/>
              <ColorMapEntry color="#9ebcda" quantity="-1" label="−1 (λ = 0.1)"/>
              <ColorMapEntry color="#8c96c6" quantity="-0.5" label="−0.5"/>
              <ColorMapEntry color="#8c6bb1" quantity="0" label="0 (λ = 1)"/>
              <ColorMapEntry color="#88419d" quantity="0.5" label="0.5"/>
              <ColorMapEntry color="#6e016b" quantity="1" label="1 (λ = 10)"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
