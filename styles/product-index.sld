<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>product-index</Name>
    <UserStyle>
      <Name>product-index</Name>
      <Title>Least uncertain product</Title>
      <Abstract>Number of the product (1 to N, in the order the products were given) with the least three-cornered hat uncertainty (paper E Fig. 7); the run's "products" output and the band description name them. Okabe-Ito colours, then two of Paul Tol's.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <Opacity>1.0</Opacity>
            <ColorMap type="values">
              <ColorMapEntry color="#0072b2" quantity="1" label="product 1"/>
              <ColorMapEntry color="#e69f00" quantity="2" label="product 2"/>
              <ColorMapEntry color="#009e73" quantity="3" label="product 3"/>
              <ColorMapEntry color="#cc79a7" quantity="4" label="product 4"/>
              <ColorMapEntry color="#56b4e9" quantity="5" label="product 5"/>
              <ColorMapEntry color="#d55e00" quantity="6" label="product 6"/>
              <ColorMapEntry color="#f0e442" quantity="7" label="product 7"/>
              <ColorMapEntry color="#000000" quantity="8" label="product 8"/>
              <ColorMapEntry color="#882255" quantity="9" label="product 9"/>
              <ColorMapEntry color="#999933" quantity="10" label="product 10"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
