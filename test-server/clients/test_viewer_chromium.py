#!/usr/bin/python3
"""The web viewer of the SSM host in a real headless Chromium, driven through chromedriver.

Run with Debian's /usr/bin/python3 (python3-selenium, chromium, chromium-driver). Environment:
  SSM_BASE_URL    base URL of the host, e.g. http://localhost:8080
  SSM_LAYER       a time-enabled (series) layer
  SSM_STATION_LAYER   a station layer (points)
  SSM_STATION         the id of one of its stations, away from the map's edges
  SSM_STATION_LONLAT  that station's position, "lon,lat" in degrees
  SSM_BAND_LAYER  optional: an undated layer with a WMS band dimension (several named bands)
  SSM_SCREENSHOT  optional: a PNG file to write a screenshot of the viewer to, at the end

What the page shows is checked against what the host itself answers: the dates come from the WMS
capabilities read here with ElementTree, and the clicked point's series from the same GetFeatureInfo
URL fetched here with urllib. The station is clicked where its Web Mercator position falls on the map
image, computed here from the image's BBOX. Exits non-zero on any failure.
"""

import datetime
import json
import math
import os
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    sys.exit("selenium is missing for %s: apt-get install -y python3-selenium chromium chromium-driver" % sys.executable)

BASE = os.environ["SSM_BASE_URL"].rstrip("/")
LAYER = os.environ["SSM_LAYER"]
STATION_LAYER = os.environ["SSM_STATION_LAYER"]
STATION = os.environ["SSM_STATION"]
STATION_LONLAT = [float(v) for v in os.environ["SSM_STATION_LONLAT"].split(",")]
BAND_LAYER = os.environ.get("SSM_BAND_LAYER")
R = 6378137.0
SCREENSHOT = os.environ.get("SSM_SCREENSHOT")
WMS = "{http://www.opengis.net/wms}"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,800", "--lang=en-GB"]
WAIT_S = 30


def expand_times(text):
    """The dates of a WMS TIME dimension: a comma list whose items may be start/end/PnD intervals."""
    out = []
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        if "/" in item:
            start, end, period = (item.split("/") + ["P1D"])[:3]
            assert period.startswith("P") and period.endswith("D"), "unexpected period %r" % period
            step = datetime.timedelta(days=int(period[1:-1]))
            d = datetime.date.fromisoformat(start[:10])
            while d <= datetime.date.fromisoformat(end[:10]):
                out.append(d.isoformat())
                d += step
        else:
            out.append(item[:10])
    return out


def layer_dates(wanted=None):
    wanted = wanted or LAYER
    url = BASE + "/wms?service=WMS&version=1.3.0&request=GetCapabilities"
    root = ET.fromstring(urllib.request.urlopen(url, timeout=30).read())
    for layer in root.iter(WMS + "Layer"):
        name = layer.find(WMS + "Name")
        if name is not None and name.text == wanted:
            for dim in layer.findall(WMS + "Dimension"):
                if dim.get("name").lower() == "time":
                    return expand_times(dim.text)
            raise AssertionError("layer %s has no TIME dimension: it must be a series" % wanted)
    raise AssertionError("layer %s is not in the capabilities" % wanted)


def layer_bands(wanted):
    """The values of the band dimension of layer `wanted` in the capabilities, and its default."""
    url = BASE + "/wms?service=WMS&version=1.3.0&request=GetCapabilities"
    root = ET.fromstring(urllib.request.urlopen(url, timeout=30).read())
    for layer in root.iter(WMS + "Layer"):
        name = layer.find(WMS + "Name")
        if name is not None and name.text == wanted:
            for dim in layer.findall(WMS + "Dimension"):
                if dim.get("name") == "band":
                    return [b.strip() for b in dim.text.split(",")], dim.get("default")
            raise AssertionError("layer %s has no band dimension" % wanted)
    raise AssertionError("layer %s is not in the capabilities" % wanted)


def query_param(url, key):
    values = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    for k, v in values.items():
        if k.upper() == key:
            return v[0]
    return None


def start_browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS + ["--user-data-dir=" + profile]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for(driver, what, condition):
    try:
        return WebDriverWait(driver, WAIT_S, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise AssertionError("timed out after %d s waiting for %s" % (WAIT_S, what))


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def map_image_state(driver):
    """(src, naturalWidth, complete, data-state) of the shown map image."""
    return tuple(js(driver, "const i = document.getElementById('map-image');"
                            "return [i.getAttribute('src') || '', i.naturalWidth, i.complete, i.dataset.state || ''];"))


def wait_for_map(driver, time_value, layer=None):
    """Waits until the shown map is a loaded GetMap of `layer` (LAYER) at `time_value`; returns its URL."""
    layer = layer or LAYER
    def ready(d):
        src, width, complete, state = map_image_state(d)
        return (src and complete and width > 0 and state == "loaded" and query_param(src, "LAYERS") == layer
                and query_param(src, "TIME") == time_value) and src
    return wait_for(driver, "the map of %s on %s" % (layer, time_value), ready)


def chart_ink(driver):
    """(pixels drawn, pixels near the series colour #1f5f8b) on the chart canvas."""
    return tuple(js(driver, """
        const c = document.getElementById('chart');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0, line = 0;
        for (let k = 0; k < d.length; k += 4) {
          if (d[k + 3] > 0) ink++;
          if (d[k + 3] > 200 && Math.abs(d[k] - 0x1f) < 40 && Math.abs(d[k + 1] - 0x5f) < 40
              && Math.abs(d[k + 2] - 0x8b) < 40) line++;
        }
        return [ink, line];"""))


def click_station(driver, src):
    """Clicks the map where the station is drawn on the map `src` (a GetMap in EPSG:3857); returns the
    GetFeatureInfo URL the viewer sent."""
    assert query_param(src, "CRS") == "EPSG:3857", src
    minx, miny, maxx, maxy = [float(v) for v in query_param(src, "BBOX").split(",")]
    lon, lat = STATION_LONLAT
    x = R * math.radians(lon)
    y = R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    map_el = driver.find_element(By.ID, "map")
    width, height = js(driver, "const m = document.getElementById('map'); return [m.clientWidth, m.clientHeight];")
    px = (x - minx) / (maxx - minx) * width
    py = (maxy - y) / (maxy - miny) * height
    assert 40 < px < width - 40 and 40 < py < height - 60, "the station is near the map's edge: %.0f, %.0f" % (px, py)
    previous = driver.find_element(By.ID, "point-panel").get_attribute("data-gfi-url")
    # Selenium 4 offsets are from the element's centre.
    ActionChains(driver).move_to_element_with_offset(map_el, int(round(px - width / 2)),
                                                     int(round(py - height / 2))).click().perform()
    return wait_for(driver, "GetFeatureInfo on the station", lambda d: d.find_element(By.ID, "point-panel")
                    .get_attribute("data-state") == "done" and d.find_element(By.ID, "point-panel")
                    .get_attribute("data-gfi-url") != previous and d.find_element(By.ID, "point-panel")
                    .get_attribute("data-gfi-url"))


def check_station(driver):
    """Selects the station layer, clicks its station and checks the chart of its readings."""
    dates = layer_dates(STATION_LAYER)
    item = driver.find_element(By.CSS_SELECTOR, '#layer-list .layer-item[data-name="%s"]' % STATION_LAYER)
    assert "stations" in item.text, "the list item does not mark a station layer: " + item.text
    item.click()
    src = wait_for_map(driver, dates[-1], STATION_LAYER)
    for link_id in ("dl-all", "dl-date", "dl-describe"):
        assert "disabled" in driver.find_element(By.ID, link_id).get_attribute("class"), \
            "%s offers a coverage of a station layer" % link_id
    gfi = click_station(driver, src)
    assert query_param(gfi, "QUERY_LAYERS") == STATION_LAYER, gfi
    answer = json.loads(urllib.request.urlopen(urllib.parse.urljoin(BASE + "/", gfi), timeout=30).read())
    assert answer["features"], "the click missed the station: " + json.dumps(answer)[:300]
    props = answer["features"][0]["properties"]
    assert props["kind"] == "station" and props["station"] == STATION, props
    series = props["series"]
    finite = [v for v in series["values"] if v is not None]
    assert finite, "the station has no reading with a value"
    chart = driver.find_element(By.ID, "chart")
    wait_for(driver, "the station's chart", lambda d: chart.get_attribute("data-points") == str(len(finite)))
    assert chart.get_attribute("data-dates") == str(len(series["dates"])), chart.get_attribute("data-dates")
    ink, line = chart_ink(driver)
    assert line >= 100, "the station's series line is missing: %d pixels of its colour" % line
    where = driver.find_element(By.ID, "point-where").text
    assert STATION in where, "the point panel does not name the station: " + where
    # The value shown is the station's reading on the slider's (last) date.
    last = [v for t, v in zip(series["dates"], series["values"]) if t.startswith(dates[-1]) and v is not None]
    shown = driver.find_element(By.ID, "point-value").get_attribute("data-value")
    if last:
        assert abs(float(shown) - sum(last) / len(last)) <= 1e-9, "%s shown, %s served" % (shown, last)
    else:
        assert shown == "null", shown
    return len(finite)


def wait_for_band_map(driver, band):
    """Waits until the shown map is a loaded GetMap of BAND_LAYER with DIM_BAND `band`; returns its URL."""
    def ready(d):
        src, width, complete, state = map_image_state(d)
        return (src and complete and width > 0 and state == "loaded" and query_param(src, "LAYERS") == BAND_LAYER
                and query_param(src, "DIM_BAND") == band) and src
    return wait_for(driver, "the map of %s, band %s" % (BAND_LAYER, band), ready)


def check_bands(driver):
    """Selects the multi-band layer, checks its band selector against the capabilities, picks the second
    band, and checks the map and the clicked point's value follow it."""
    bands, default = layer_bands(BAND_LAYER)
    assert len(bands) >= 2, bands
    driver.find_element(By.CSS_SELECTOR, '#layer-list .layer-item[data-name="%s"]' % BAND_LAYER).click()
    wait_for_band_map(driver, default)
    label = driver.find_element(By.ID, "band-label")
    assert label.is_displayed(), "no band selector for a layer with a band dimension"
    select = driver.find_element(By.ID, "band-select")
    options = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option")]
    assert options == bands, "band selector %s, capabilities %s" % (options, bands)
    assert select.get_attribute("value") == default, select.get_attribute("value")
    Select(select).select_by_value(bands[1])
    src = wait_for_band_map(driver, bands[1])
    previous = driver.find_element(By.ID, "point-panel").get_attribute("data-gfi-url")
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "map")).click().perform()
    gfi = wait_for(driver, "GetFeatureInfo on the band layer", lambda d: d.find_element(By.ID, "point-panel")
                   .get_attribute("data-state") == "done" and d.find_element(By.ID, "point-panel")
                   .get_attribute("data-gfi-url") != previous and d.find_element(By.ID, "point-panel")
                   .get_attribute("data-gfi-url"))
    assert query_param(gfi, "DIM_BAND") == bands[1], gfi
    answer = json.loads(urllib.request.urlopen(urllib.parse.urljoin(BASE + "/", gfi), timeout=30).read())
    props = answer["features"][0]["properties"]
    assert list(props["bands"]) == bands and props["band"] == bands[1], props
    value_el = driver.find_element(By.ID, "point-value")
    assert value_el.get_attribute("data-band") == bands[1], value_el.get_attribute("data-band")
    assert abs(float(value_el.get_attribute("data-value")) - props["bands"][bands[1]]) <= 1e-9, \
        "%s shown, %s served" % (value_el.get_attribute("data-value"), props["bands"])
    # Back to the first band: the map follows and the value is read from the answer already fetched.
    Select(select).select_by_value(bands[0])
    wait_for_band_map(driver, bands[0])
    assert abs(float(value_el.get_attribute("data-value")) - props["bands"][bands[0]]) <= 1e-9
    Select(select).select_by_value(bands[1])
    wait_for_band_map(driver, bands[1])
    print("bands of %s: %s; shown %s" % (BAND_LAYER, ",".join(bands), bands[1]))
    return src


def severe_logs(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def main():
    for tool in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        assert os.access(tool, os.X_OK), "%s is missing: apt-get install -y chromium chromium-driver" % tool
    dates = layer_dates()
    assert len(dates) >= 2, "SSM_LAYER needs at least two dates, has %d" % len(dates)
    profile = tempfile.mkdtemp(prefix="ssm-chromium-")
    driver = start_browser(profile)
    try:
        driver.get(BASE + "/")
        # 1. The layer list, from GetCapabilities parsed by the page.
        count = wait_for(driver, "the layer list", lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-layers"))
        assert count != "error", "the viewer could not read GetCapabilities: " + driver.find_element(By.ID, "layer-list").text
        items = driver.find_elements(By.CSS_SELECTOR, "#layer-list .layer-item")
        assert len(items) == int(count) and len(items) > 0, "%s layers announced, %d listed" % (count, len(items))
        item = driver.find_element(By.CSS_SELECTOR, '#layer-list .layer-item[data-name="%s"]' % LAYER)
        assert "%d dates" % len(dates) in item.text, "the list item does not give the number of dates: " + item.text
        item.click()
        wait_for(driver, "the layer to be selected", lambda d: d.find_element(
            By.CSS_SELECTOR, '#layer-list .layer-item[data-name="%s"]' % LAYER).get_attribute("aria-selected") == "true")

        # 2. The map of the latest date, and the legend.
        src = wait_for_map(driver, dates[-1])
        assert query_param(src, "REQUEST") == "GetMap" and query_param(src, "CRS") == "EPSG:3857", src
        wait_for(driver, "the legend", lambda d: js(d, "const l = document.getElementById('legend');"
                 "return !l.hidden && l.complete && l.naturalWidth > 0 && l.src.includes('GetLegendGraphic');"))

        # 3. The slider has one position per date; moving it changes the map's TIME.
        slider = driver.find_element(By.ID, "time-slider")
        positions = int(slider.get_attribute("max")) - int(slider.get_attribute("min")) + 1
        assert positions == len(dates), "the slider has %d positions for %d dates" % (positions, len(dates))
        assert driver.find_element(By.ID, "time-date").text == dates[-1]
        slider.click()
        slider.send_keys(Keys.HOME)
        wait_for(driver, "the date label to show the first date",
                 lambda d: d.find_element(By.ID, "time-date").text == dates[0])
        first_src = wait_for_map(driver, dates[0])
        assert first_src != src, "the map URL did not change with the slider"
        slider.send_keys(Keys.ARROW_RIGHT)
        wait_for_map(driver, dates[1])
        selected = dates[1]

        # 4. A click on the map centre: GetFeatureInfo and the chart of the point's series.
        map_el = driver.find_element(By.ID, "map")
        ActionChains(driver).move_to_element(map_el).click().perform()
        gfi = wait_for(driver, "GetFeatureInfo", lambda d: d.find_element(By.ID, "point-panel").get_attribute("data-state") == "done"
                       and d.find_element(By.ID, "point-panel").get_attribute("data-gfi-url"))
        assert query_param(gfi, "REQUEST") == "GetFeatureInfo" and query_param(gfi, "QUERY_LAYERS") == LAYER, gfi
        answer = json.loads(urllib.request.urlopen(urllib.parse.urljoin(BASE + "/", gfi), timeout=30).read())
        assert answer["features"], "the map centre is not on the layer: " + json.dumps(answer)[:300]
        props = answer["features"][0]["properties"]
        series = props["series"]
        assert series["dates"] == dates, "GetFeatureInfo series dates differ from the capabilities"
        finite = [v for v in series["values"] if v is not None]
        assert finite, "the clicked cell has no data on any date"
        chart = driver.find_element(By.ID, "chart")
        wait_for(driver, "the chart", lambda d: chart.get_attribute("data-points") == str(len(finite)))
        assert chart.get_attribute("data-dates") == str(len(dates)), chart.get_attribute("data-dates")
        assert chart.get_attribute("data-selected") == selected, chart.get_attribute("data-selected")
        ink, line = chart_ink(driver)
        width, height = js(driver, "const c = document.getElementById('chart'); return [c.width, c.height];")
        # Axes, labels and the line cover well over 1 % of the canvas; the line alone a few hundred pixels.
        assert ink > 0.01 * width * height, "the chart is almost blank: %d of %d pixels drawn" % (ink, width * height)
        assert line >= 100, "the series line is missing: %d pixels of its colour" % line

        # 5. The value shown is the point's value on the slider's date.
        value_el = driver.find_element(By.ID, "point-value")
        expected = series["values"][dates.index(selected)]
        shown = value_el.get_attribute("data-value")
        assert value_el.get_attribute("data-date") == selected, value_el.get_attribute("data-date")
        if expected is None:
            assert shown == "null", shown
        else:
            assert abs(float(shown) - expected) <= 1e-6 * max(1.0, abs(expected)), "%s shown, %s served" % (shown, expected)
        slider.send_keys(Keys.END)
        wait_for(driver, "the chart to mark the last date", lambda d: chart.get_attribute("data-selected") == dates[-1])
        wait_for_map(driver, dates[-1])

        # 6. Download links point at the host's own WCS and WPS.
        for link_id, needle in (("dl-all", "request=GetCoverage"), ("dl-date", "subset=time"),
                                ("link-wps", "request=GetCapabilities")):
            href = driver.find_element(By.ID, link_id).get_attribute("href")
            assert href.startswith(BASE) and needle in href, "%s: %s" % (link_id, href)
        assert LAYER in driver.find_element(By.ID, "dl-all").get_attribute("href")

        # 7. The station layer: drawn, and a click on a station charts its readings.
        readings = check_station(driver)
        assert not driver.find_element(By.ID, "band-label").is_displayed(), "a band selector for stations"

        # 8. A layer with a band dimension: the selector lists its bands and drives DIM_BAND.
        if BAND_LAYER:
            check_bands(driver)

        if SCREENSHOT:
            driver.save_screenshot(SCREENSHOT)

        # 9. No JavaScript error and no failed request anywhere on the way.
        errors = severe_logs(driver)
        assert not errors, "browser errors: %s" % errors
        print("viewer OK: %d layers, %d dates, %d points charted, map %s" % (len(items), len(dates), len(finite), first_src))
        print("station %s: %d readings charted" % (STATION, readings))
        return 0
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
