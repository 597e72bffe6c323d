<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>landcover</Name>
    <UserStyle>
      <Name>landcover</Name>
      <Title>Land cover class</Title>
      <Abstract>Land cover of the twin experiment; Okabe-Ito colours.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="values">
              <ColorMapEntry color="#e69f00" quantity="1" label="crop"/>
              <ColorMapEntry color="#f0e442" quantity="2" label="grass"/>
              <ColorMapEntry color="#009e73" quantity="3" label="forest"/>
              <ColorMapEntry color="#7f7f7f" quantity="4" label="urban"/>
              <ColorMapEntry color="#0072b2" quantity="5" label="water"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
