<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>pixel-class</Name>
    <UserStyle>
      <Name>pixel-class</Name>
      <Title>Bias-correction pixel class</Title>
      <Abstract>Pixel classes of the point-surface bias correction (paper B): C1 pixels hold a station, C2 pixels resemble a C1 pixel, C3 pixels are the rest. Okabe-Ito colours.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="values">
              <ColorMapEntry color="#0072b2" quantity="1" label="C1: station pixel"/>
              <ColorMapEntry color="#e69f00" quantity="2" label="C2: similar to a C1 pixel"/>
              <ColorMapEntry color="#cc79a7" quantity="3" label="C3: other pixel"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
