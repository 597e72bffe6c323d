// The viewer page: the layer list from WMS GetCapabilities, the map, the time slider, the legend,
// and the time series of a clicked point from GetFeatureInfo. It talks only to its own host.

import { parseCapabilities, exceptionText } from './capabilities.js';
import { MapView, crsInfo, layerBox, fromLonLat, toLonLat } from './mapview.js';
import { TimeSeriesChart, formatValue } from './chart.js';

/** The services' base path: the page is served at / and at /viewer/. */
const BASE = new URL('.', location.href).pathname.replace(/viewer\/$/, '');
const PLAY_MS = 700;
const $ = (id) => document.getElementById(id);

const state = {
  layers: [],
  layer: null,
  crsMode: 'EPSG:3857',
  timeIndex: -1,
  band: null,
  point: null,
  playTimer: 0,
  csvUrl: null,
};

let map;
let chart;

function el(tag, props = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else if (k === 'className' || k === 'textContent' || k === 'title' || k === 'tabIndex') {
      e[k] = v;
    } else {
      e.setAttribute(k, v);
    }
  }
  for (const kid of kids) {
    e.append(kid);
  }
  return e;
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * Units as written in the capabilities ("m3 m-3") with their exponents raised ("m³ m⁻³"); "1", the
 * units of a ratio such as NDVI, is shown as nothing.
 */
function prettyUnits(units) {
  if (!units || units.trim() === '1') {
    return '';
  }
  return units.replace(/([A-Za-z])(-?\d+)/g, (m, letter, exp) => letter + [...exp].map((c) => SUPERSCRIPT[c]).join(''));
}

function toast(message) {
  const t = $('toast');
  t.textContent = message;
  t.hidden = !message;
  clearTimeout(toast.timer);
  if (message) {
    toast.timer = setTimeout(() => { t.hidden = true; }, 8000);
  }
}

/** The message of a service's error answer (XML exception report or text). */
function describeError(text) {
  try {
    return exceptionText(new DOMParser().parseFromString(text, 'application/xml')) || text.slice(0, 300);
  } catch (e) {
    return text.slice(0, 300);
  }
}

async function fetchText(url) {
  const r = await fetch(url);
  const text = await r.text();
  if (!r.ok) {
    throw new Error(describeError(text) || 'HTTP ' + r.status);
  }
  return text;
}

function wmsUrl(params) {
  return BASE + 'wms?' + new URLSearchParams(params).toString();
}

function wcsUrl(params) {
  return BASE + 'wcs?' + new URLSearchParams({ service: 'WCS', version: '2.0.1', ...params }).toString();
}

// ---------------------------------------------------------------- layer list

function groupKey(layer, by) {
  if (by === 'source') {
    return layer.source || 'Other';
  }
  if (by === 'variable') {
    return layer.styleTitle || layer.style || 'Other';
  }
  return '';
}

function renderLayerList() {
  const by = $('group-by').value;
  const filter = $('layer-filter').value.trim().toLowerCase();
  const list = $('layer-list');
  list.replaceChildren();
  const shown = state.layers.filter((l) => !filter || (l.title + ' ' + l.name + ' ' + l.source).toLowerCase().includes(filter));
  const groups = new Map();
  for (const layer of shown) {
    const key = groupKey(layer, by);
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(layer);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === 'Other') - (b === 'Other') || a.localeCompare(b));
  for (const key of keys) {
    const items = groups.get(key).sort((a, b) => a.title.localeCompare(b.title) || a.name.localeCompare(b.name));
    const group = el('div', { className: 'layer-group', role: 'group' });
    if (key) {
      group.append(el('h3', { textContent: key }));
    }
    for (const layer of items) {
      const meta = el('div', { className: 'layer-meta' }, el('code', { textContent: layer.name }));
      if (layer.kind === 'stations') {
        meta.append(el('span', { className: 'badge stations', textContent: 'stations', title: 'in-situ stations (points)' }));
      }
      if (prettyUnits(layer.units)) {
        meta.append(el('span', { className: 'badge', textContent: prettyUnits(layer.units), title: 'units: ' + layer.units }));
      }
      if (layer.dates.length) {
        meta.append(el('span', { className: 'badge time', textContent: layer.dates.length + (layer.dates.length === 1 ? ' date' : ' dates'), title: layer.dates[0] + ' to ' + layer.dates[layer.dates.length - 1] }));
      }
      const item = el('div', { className: 'layer-item', role: 'option', tabIndex: 0, dataset: { name: layer.name } },
        el('div', { className: 'layer-title', textContent: layer.title }), meta);
      item.setAttribute('aria-selected', String(state.layer !== null && state.layer.name === layer.name));
      group.append(item);
    }
    list.append(group);
  }
  if (shown.length === 0) {
    list.append(el('p', { className: 'muted', textContent: state.layers.length ? 'No layer matches.' : 'The host has no layers yet.' }));
  }
  $('layer-count').textContent = '(' + state.layers.length + ')';
}

function bindLayerList() {
  const list = $('layer-list');
  list.addEventListener('click', (e) => {
    const item = e.target.closest('.layer-item');
    if (item) {
      selectLayer(item.dataset.name);
    }
  });
  list.addEventListener('keydown', (e) => {
    const item = e.target.closest('.layer-item');
    if (!item) {
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      selectLayer(item.dataset.name);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const all = [...list.querySelectorAll('.layer-item')];
      const next = all[all.indexOf(item) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        next.focus();
      }
    }
  });
  $('layer-filter').addEventListener('input', renderLayerList);
  $('group-by').addEventListener('change', renderLayerList);
}

// ---------------------------------------------------------------- layer, CRS, time

function currentCrs() {
  const layer = state.layer;
  if (state.crsMode === 'native' && layer && layer.nativeCrs && layerBox(layer, crsInfo(layer.nativeCrs))) {
    return crsInfo(layer.nativeCrs);
  }
  return crsInfo(state.crsMode === 'native' ? 'EPSG:3857' : state.crsMode);
}

function renderCrsOptions() {
  const select = $('crs-select');
  select.replaceChildren();
  const options = [['EPSG:3857', crsInfo('EPSG:3857').label], ['CRS:84', crsInfo('CRS:84').label]];
  if (state.layer && state.layer.nativeCrs) {
    options.push(['native', crsInfo(state.layer.nativeCrs).label]);
  }
  for (const [value, label] of options) {
    select.append(el('option', { value, textContent: label }));
  }
  if (!options.some(([v]) => v === state.crsMode)) {
    state.crsMode = 'EPSG:3857';
  }
  select.value = state.crsMode;
}

function currentDate() {
  const layer = state.layer;
  return layer && layer.dates.length && state.timeIndex >= 0 ? layer.dates[state.timeIndex] : null;
}

function mapParams() {
  const params = { LAYERS: state.layer.name, STYLES: '' };
  const date = currentDate();
  if (date) {
    params.TIME = date;
  }
  if (state.band) {
    params.DIM_BAND = state.band;
  }
  return params;
}

/** The band selector: shown for a layer with the band dimension (an undated multi-band layer). */
function renderBandOptions() {
  const layer = state.layer;
  const bands = layer ? layer.bands : [];
  const select = $('band-select');
  select.replaceChildren(...bands.map((b) => el('option', { value: b, textContent: b })));
  $('band-label').hidden = bands.length === 0;
  if (state.band) {
    select.value = state.band;
  }
}

function changeBand(band) {
  if (!state.layer || !state.layer.bands.includes(band)) {
    return;
  }
  state.band = band;
  // GetFeatureInfo already returned every band's value: only the map is drawn again.
  showPointValue();
  map.setParams(mapParams(), 0);
  updateLinks();
  updateHash();
}

/** Shows the layer: fits the map to it, sets up its dates and legend, and re-reads the point there. */
function selectLayer(name, options = {}) {
  const layer = state.layers.find((l) => l.name === name);
  if (!layer) {
    toast('layer ' + name + ' is not offered by the host');
    return;
  }
  stopPlaying();
  const previousPoint = state.point;
  state.layer = layer;
  state.timeIndex = layer.dates.length ? layer.dates.length - 1 : -1;
  if (options.time && layer.dates.includes(options.time)) {
    state.timeIndex = layer.dates.indexOf(options.time);
  }
  state.band = layer.bands.length ? (layer.bands.includes(options.band) ? options.band : layer.defaultBand) : null;
  renderCrsOptions();
  renderBandOptions();
  renderLayerList();
  renderTimeControls();
  renderLayerInfo();
  const legend = $('legend');
  legend.src = wmsUrl({ service: 'WMS', version: '1.3.0', request: 'GetLegendGraphic', format: 'image/png', layer: layer.name, style: layer.style });
  legend.hidden = false;
  clearPoint();
  const crs = currentCrs();
  map.show(crs, fitBox(layer, crs), mapParams());
  updateLinks();
  updateHash();
  if (previousPoint && previousPoint.lonLat) {
    requeryAt(previousPoint.lonLat);
  }
}

/**
 * The box to fit the map to: the layer's box, and for station layers a fifth more on each side, so that
 * the outer stations stay clear of the map's buttons and status bar.
 */
function fitBox(layer, crs) {
  const box = layerBox(layer, crs) || fallbackBox(layer, crs);
  if (layer.kind !== 'stations') {
    return box;
  }
  const dx = 0.2 * (box[2] - box[0]);
  const dy = 0.2 * (box[3] - box[1]);
  return [box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy];
}

/** A box for a layer without one in `crs`: its geographic box, or the world. */
function fallbackBox(layer, crs) {
  const g = layer.geographic || [-180, -85, 180, 85];
  const a = fromLonLat(crs, g[0], g[1]);
  const b = fromLonLat(crs, g[2], g[3]);
  return a && b ? [a[0], a[1], b[0], b[1]] : [-2e7, -2e7, 2e7, 2e7];
}

function changeCrs(mode) {
  state.crsMode = mode;
  if (!state.layer) {
    return;
  }
  const crs = currentCrs();
  map.show(crs, fitBox(state.layer, crs), mapParams());
  map.setMarker(markerPoint());
  updateHash();
}

function renderTimeControls() {
  const layer = state.layer;
  const slider = $('time-slider');
  const n = layer ? layer.dates.length : 0;
  $('timebar').classList.toggle('static', n === 0);
  slider.disabled = n === 0;
  slider.min = '0';
  slider.max = String(Math.max(0, n - 1));
  slider.value = String(Math.max(0, state.timeIndex));
  slider.dataset.positions = String(n);
  for (const id of ['time-first', 'time-prev', 'time-play', 'time-next', 'time-last']) {
    $(id).disabled = n < 2;
  }
  showDate();
}

function showDate() {
  const n = state.layer ? state.layer.dates.length : 0;
  const date = currentDate();
  $('time-date').textContent = date || (state.layer ? 'no time dimension' : '—');
  $('time-index').textContent = date ? (state.timeIndex + 1) + ' / ' + n : '';
}

/** Moves to date index k: label, chart mark and point value at once, the map after a short pause. */
function setTimeIndex(k, delay = 120) {
  const layer = state.layer;
  if (!layer || !layer.dates.length) {
    return;
  }
  state.timeIndex = Math.max(0, Math.min(layer.dates.length - 1, k));
  $('time-slider').value = String(state.timeIndex);
  showDate();
  const p = state.point;
  chart.setSelected(p && p.props && p.props.kind === 'station' ? stationReadingOn(p.props, currentDate()) : currentDate());
  showPointValue();
  map.setParams(mapParams(), delay);
  updateLinks();
  updateHash();
}

function bindTimeControls() {
  $('time-slider').addEventListener('input', (e) => setTimeIndex(Number(e.target.value)));
  $('time-first').addEventListener('click', () => setTimeIndex(0, 0));
  $('time-prev').addEventListener('click', () => setTimeIndex(state.timeIndex - 1, 0));
  $('time-next').addEventListener('click', () => setTimeIndex(state.timeIndex + 1, 0));
  $('time-last').addEventListener('click', () => setTimeIndex(Number.MAX_SAFE_INTEGER, 0));
  $('time-play').addEventListener('click', () => (state.playTimer ? stopPlaying() : startPlaying()));
}

function startPlaying() {
  $('time-play').classList.add('playing');
  state.playTimer = setInterval(() => {
    const shown = document.getElementById('map-image').dataset.time;
    // Wait for the map of the current date before moving on, so that no date is skipped unseen.
    if (shown !== currentDate()) {
      return;
    }
    const next = state.timeIndex + 1 >= state.layer.dates.length ? 0 : state.timeIndex + 1;
    setTimeIndex(next, 0);
  }, PLAY_MS);
}

function stopPlaying() {
  clearInterval(state.playTimer);
  state.playTimer = 0;
  $('time-play').classList.remove('playing');
}

// ---------------------------------------------------------------- details and links

function renderLayerInfo() {
  const layer = state.layer;
  const dl = $('layer-info');
  dl.replaceChildren();
  const add = (k, v) => {
    if (v) {
      dl.append(el('dt', { textContent: k }), el('dd', { textContent: v }));
    }
  };
  add('Title', layer.title);
  add('Name', layer.name);
  add('Units', layer.units && layer.units.trim() === '1' ? '1 (dimensionless)' : prettyUnits(layer.units));
  add('Source', layer.source);
  if (layer.dates.length) {
    add('Dates', layer.dates.length + ': ' + layer.dates[0] + ' to ' + layer.dates[layer.dates.length - 1]);
  } else if (layer.bands.length) {
    add('Dates', 'undated');
    add('Bands', layer.bands.length + ': ' + layer.bands.join(', '));
  } else {
    add('Dates', 'undated (one map)');
  }
  add('CRS', layer.kind === 'stations' ? 'points in EPSG:4326' : layer.nativeCrs || 'EPSG:4326');
  if (layer.geographic) {
    const g = layer.geographic.map((v) => v.toFixed(4));
    add('Extent', g[0] + '…' + g[2] + '°E, ' + g[1] + '…' + g[3] + '°N');
  }
  add('Style', layer.styleTitle || layer.style);
  if (layer.abstract) {
    dl.append(el('dd', { className: 'abstract', textContent: layer.abstract }));
  }
}

function setLink(id, href) {
  const a = $(id);
  a.href = href || '#';
  a.classList.toggle('disabled', !href);
}

function updateLinks() {
  const layer = state.layer;
  const date = currentDate();
  // Station layers are points: WMS only, no coverage to download.
  const coverage = layer && layer.kind !== 'stations' ? layer : null;
  setLink('dl-all', coverage && wcsUrl({ request: 'GetCoverage', coverageId: coverage.name, format: 'image/tiff' }));
  setLink('dl-date', coverage && date && wcsUrl({ request: 'GetCoverage', coverageId: coverage.name, format: 'image/tiff', subset: 'time("' + date + '")' }));
  setLink('dl-describe', coverage && wcsUrl({ request: 'DescribeCoverage', coverageId: coverage.name }));
  setLink('dl-map', layer && map.view && map.mapUrl());
}

function updateHash() {
  const p = new URLSearchParams();
  if (state.layer) {
    p.set('layer', state.layer.name);
  }
  if (currentDate()) {
    p.set('time', currentDate());
  }
  if (state.band) {
    p.set('band', state.band);
  }
  if (state.crsMode !== 'EPSG:3857') {
    p.set('crs', state.crsMode);
  }
  history.replaceState(null, '', '#' + p.toString());
}

// ---------------------------------------------------------------- the point

function clearPoint() {
  state.point = null;
  map.setMarker(null);
  const panel = $('point-panel');
  delete panel.dataset.gfiUrl;
  delete panel.dataset.state;
  $('point-where').textContent = 'Click the map to read the value and the time series of a cell or a station.';
  $('point-value').textContent = '';
  delete $('point-value').dataset.value;
  $('point-csv').hidden = true;
  $('point-json').hidden = true;
  chart.setData(null);
}

/** GetFeatureInfo for a click on the map: the cell's value and its whole series. */
async function queryPoint(request) {
  const layer = state.layer;
  const p = request.params;
  p.set('REQUEST', 'GetFeatureInfo');
  p.set('QUERY_LAYERS', layer.name);
  p.set('INFO_FORMAT', 'application/json');
  p.set('FEATURE_COUNT', '1');
  p.set('I', String(request.i));
  p.set('J', String(request.j));
  const url = BASE + 'wms?' + p.toString();
  const panel = $('point-panel');
  panel.dataset.state = 'loading';
  panel.dataset.gfiUrl = url;
  state.point = { crsCode: request.crs.code, xy: request.point, lonLat: null, url, layer: layer.name };
  map.setMarker(request.point);
  let answer;
  try {
    answer = JSON.parse(await fetchText(url));
  } catch (e) {
    panel.dataset.state = 'error';
    toast('GetFeatureInfo failed: ' + e.message);
    return;
  }
  if (!state.point || state.point.url !== url) {
    return;
  }
  const q = answer.query || {};
  state.point.lonLat = Number.isFinite(q.lon) && Number.isFinite(q.lat) ? [q.lon, q.lat] : null;
  const feature = (answer.features || []).find((f) => f.properties && f.properties.layer === layer.name);
  state.point.props = feature ? feature.properties : null;
  panel.dataset.state = 'done';
  showPoint();
}

/** Queries the new layer where the previous point was, when that place is on the map. */
function requeryAt(lonLat) {
  const xy = fromLonLat(map.view.crs, lonLat[0], lonLat[1]);
  if (!xy || map.width === 0) {
    return;
  }
  const [px, py] = map.pixelOf(xy[0], xy[1]);
  map.click(px, py);
}

function markerPoint() {
  const p = state.point;
  if (!p || !map.view) {
    return null;
  }
  const crs = map.view.crs;
  if (p.crsCode === crs.code) {
    return p.xy;
  }
  if (p.lonLat) {
    const xy = fromLonLat(crs, p.lonLat[0], p.lonLat[1]);
    if (xy) {
      return xy;
    }
  }
  if (p.props && p.props.crs === crs.code) {
    return [p.props.x, p.props.y];
  }
  return null;
}

function showPoint() {
  const p = state.point;
  const props = p.props;
  const where = [];
  if (p.lonLat) {
    where.push(p.lonLat[1].toFixed(5) + '°N ' + p.lonLat[0].toFixed(5) + '°E');
  }
  if (!props) {
    const station = state.layer && state.layer.kind === 'stations';
    $('point-where').textContent = where.concat(station ? 'no station here' : 'outside the layer').join(' · ');
    $('point-value').textContent = '';
    chart.setData({ dates: [], values: [], message: station ? 'Click on a station to chart its readings.' : 'The layer has no cell at this point.' });
    return;
  }
  if (props.kind === 'station') {
    showStation(props);
    return;
  }
  where.push('cell ' + props.col + ', ' + props.row);
  if (props.crs) {
    where.push(props.crs + ' ' + Math.round(props.x * 100) / 100 + ', ' + Math.round(props.y * 100) / 100);
  }
  $('point-where').textContent = where.join(' · ');
  const series = props.series;
  if (series) {
    chart.setData({ dates: series.dates, values: series.values, units: prettyUnits(props.units) });
    chart.setSelected(currentDate());
  } else if (props.bands) {
    const list = Object.entries(props.bands).map(([b, v]) => b + ' ' + (v === null ? 'no data' : formatValue(v)));
    chart.setData({ dates: [], values: [], message: 'An undated layer of ' + list.length + ' bands: ' + list.join(' · ') });
  } else {
    chart.setData({ dates: [], values: [], message: 'An undated layer: one value, no time series.' });
  }
  showPointValue();
  const json = $('point-json');
  json.href = p.url;
  json.hidden = false;
  writeCsv(props);
}

/** A station's readings: where it is, its series in the chart, its value on the slider's date. */
function showStation(props) {
  $('point-where').textContent = 'station ' + props.station + (props.network ? ' (' + props.network + ')' : '')
    + ' · ' + props.depth_from + '–' + props.depth_to + ' m · ' + props.series.dates.length + ' readings';
  chart.setData({ dates: props.series.dates, values: props.series.values, units: prettyUnits(props.units) });
  chart.setSelected(stationReadingOn(props, currentDate()));
  showPointValue();
  const json = $('point-json');
  json.href = state.point.url;
  json.hidden = false;
  writeCsv(props);
}

/** The first reading time of a station on an ISO date, or null. */
function stationReadingOn(props, date) {
  return (date && props.series.dates.find((t) => t.startsWith(date))) || null;
}

/** A click on the chart: its date index for the layer's time slider (station readings carry times). */
function chartPicked(k) {
  const p = state.point;
  if (p && p.props && p.props.kind === 'station') {
    const k2 = state.layer.dates.indexOf(p.props.series.dates[k].slice(0, 10));
    if (k2 >= 0) {
      setTimeIndex(k2, 0);
    }
    return;
  }
  setTimeIndex(k, 0);
}

/** The point's value on the slider's date, read from the series already fetched. */
function showPointValue() {
  const p = state.point;
  const out = $('point-value');
  if (!p || !p.props) {
    return;
  }
  const props = p.props;
  if (props.kind === 'station') {
    // The mean of the station's readings with a value on the slider's date.
    const date = currentDate();
    const values = props.series.dates.map((t, k) => (date && t.startsWith(date) ? props.series.values[k] : null))
      .filter((v) => v !== null);
    const value = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    out.textContent = (date ? date + ': ' : '') + (value === null ? 'no reading' : (formatValue(value) + ' ' + prettyUnits(props.units)).trim());
    out.dataset.value = value === null ? 'null' : String(value);
    out.dataset.date = date || '';
    return;
  }
  let value = props.value;
  let date = props.time;
  const band = props.bands && state.band && state.band in props.bands ? state.band : null;
  if (band) {
    // The band shown now, which may have changed since the click.
    value = props.bands[band];
  }
  if (props.series) {
    date = currentDate();
    const k = props.series.dates.indexOf(date);
    value = k >= 0 ? props.series.values[k] : null;
  }
  out.textContent = (date ? date + ': ' : '') + (band ? band + ': ' : '') + (value === null ? 'no data' : (formatValue(value) + ' ' + prettyUnits(props.units)).trim());
  out.dataset.value = value === null ? 'null' : String(value);
  out.dataset.date = date || '';
  out.dataset.band = band || '';
}

function writeCsv(props) {
  if (state.csvUrl) {
    URL.revokeObjectURL(state.csvUrl);
  }
  if (props.kind === 'station') {
    const rows = ['time,sm,flag'];
    props.series.dates.forEach((t, k) => rows.push(t + ',' + (props.series.values[k] === null ? '' : props.series.values[k]) + ',' + props.series.flags[k]));
    state.csvUrl = URL.createObjectURL(new Blob([rows.join('\n') + '\n'], { type: 'text/csv' }));
    const a = $('point-csv');
    a.href = state.csvUrl;
    a.download = props.layer + '_' + props.station + '.csv';
    a.hidden = false;
    return;
  }
  const lines = ['date,value'];
  if (props.series) {
    props.series.dates.forEach((d, k) => lines.push(d + ',' + (props.series.values[k] === null ? '' : props.series.values[k])));
  } else if (props.bands) {
    lines[0] = 'band,value';
    Object.entries(props.bands).forEach(([b, v]) => lines.push('"' + b.replace(/"/g, '""') + '",' + (v === null ? '' : v)));
  } else {
    lines.push(',' + (props.value === null ? '' : props.value));
  }
  state.csvUrl = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
  const a = $('point-csv');
  a.href = state.csvUrl;
  a.download = props.layer + '_col' + props.col + '_row' + props.row + '.csv';
  a.hidden = false;
}

// ---------------------------------------------------------------- start

function bindChrome() {
  $('link-wms').href = wmsUrl({ service: 'WMS', version: '1.3.0', request: 'GetCapabilities' });
  $('link-wcs').href = wcsUrl({ request: 'GetCapabilities' });
  $('link-wps').href = BASE + 'wps?service=WPS&version=1.0.0&request=GetCapabilities';
  $('dl-wps').href = $('link-wps').href;
  $('zoom-in').addEventListener('click', () => map.zoom(2));
  $('zoom-out').addEventListener('click', () => map.zoom(0.5));
  $('zoom-fit').addEventListener('click', () => map.fit());
  $('crs-select').addEventListener('change', (e) => changeCrs(e.target.value));
  $('band-select').addEventListener('change', (e) => changeBand(e.target.value));
  $('legend').addEventListener('error', () => { $('legend').hidden = true; });
}

function createMap() {
  map = new MapView($('map'), {
    baseUrl: BASE,
    onClick: (request) => { if (state.layer) { queryPoint(request); } },
    onLoad: () => { toast(''); updateLinks(); },
    onError: (message) => toast(message),
    describeError,
    onBusy: (busy) => { $('map-progress').hidden = !busy; },
    onCursor: (xy) => {
      const crs = map.view.crs;
      const ll = toLonLat(crs, xy[0], xy[1]);
      $('cursor').textContent = ll
        ? ll[1].toFixed(5) + '°N  ' + ll[0].toFixed(5) + '°E'
        : crs.code + '  x ' + xy[0].toFixed(1) + '  y ' + xy[1].toFixed(1);
    },
    onScale: (px, label) => {
      $('scale-bar').style.width = Math.round(px) + 'px';
      $('scale-label').textContent = label;
    },
  });
}

async function start() {
  bindChrome();
  bindLayerList();
  bindTimeControls();
  createMap();
  chart = new TimeSeriesChart($('chart'), $('chart-tip'), chartPicked);
  chart.setData(null);
  let caps;
  try {
    caps = parseCapabilities(await fetchText(wmsUrl({ service: 'WMS', version: '1.3.0', request: 'GetCapabilities' })));
  } catch (e) {
    $('layer-list').replaceChildren(el('p', { className: 'muted', textContent: 'GetCapabilities failed: ' + e.message }));
    document.body.dataset.layers = 'error';
    return;
  }
  state.layers = caps.layers;
  renderLayerList();
  document.body.dataset.layers = String(caps.layers.length);
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('crs')) {
    state.crsMode = hash.get('crs');
  }
  const initial = state.layers.find((l) => l.name === hash.get('layer'))
    || state.layers.find((l) => l.dates.length > 0) || state.layers[0];
  if (initial) {
    selectLayer(initial.name, { time: hash.get('time'), band: hash.get('band') });
  }
}

start();
