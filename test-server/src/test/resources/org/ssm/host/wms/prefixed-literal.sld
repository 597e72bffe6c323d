<?xml version="1.0" encoding="UTF-8"?>
<!-- An SLD written with the sld: prefix and an ogc:Literal opacity, as some editors save them. -->
<sld:StyledLayerDescriptor version="1.0.0"
    xmlns:sld="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc">
  <sld:NamedLayer>
    <sld:Name>test</sld:Name>
    <sld:UserStyle>
      <sld:Name>test</sld:Name>
      <sld:Title>Test intervals (m)</sld:Title>
      <sld:FeatureTypeStyle>
        <sld:Rule>
          <sld:RasterSymbolizer>
            <sld:Opacity><ogc:Literal>0.5</ogc:Literal></sld:Opacity>
            <sld:ColorMap type="intervals">
              <sld:ColorMapEntry color="#FF0000" quantity="10" label="low"/>
              <sld:ColorMapEntry color="#00ff00" quantity="20" opacity="0.4"/>
            </sld:ColorMap>
          </sld:RasterSymbolizer>
        </sld:Rule>
      </sld:FeatureTypeStyle>
      <sld:FeatureTypeStyle>
        <sld:Rule>
          <sld:RasterSymbolizer>
            <sld:ColorMap>
              <sld:ColorMapEntry color="#0000FF" quantity="99"/>
            </sld:ColorMap>
          </sld:RasterSymbolizer>
        </sld:Rule>
      </sld:FeatureTypeStyle>
    </sld:UserStyle>
  </sld:NamedLayer>
</sld:StyledLayerDescriptor>
