// Reading a WMS 1.3.0 capabilities document into plain layer records.

const DAY_MS = 86400000;
/** Longest series expanded from an interval; beyond it the document is taken as broken. */
const MAX_DATES = 100000;

/** The text of an OGC exception report, or null when the document is not one. */
export function exceptionText(doc) {
  const root = doc && doc.documentElement;
  if (!root || !/ExceptionReport$/.test(root.localName)) {
    return null;
  }
  const parts = [];
  for (const el of root.getElementsByTagName('*')) {
    if (el.localName === 'ServiceException' || el.localName === 'ExceptionText') {
      const code = el.getAttribute('code') || (el.parentNode.getAttribute && el.parentNode.getAttribute('exceptionCode'));
      parts.push((code ? code + ': ' : '') + el.textContent.trim());
    }
  }
  return parts.join('\n') || 'the service reported an error';
}

/** Parses XML text; throws with the service's message when it is an exception report. */
export function parseXml(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) {
    throw new Error('the answer is not XML');
  }
  const error = exceptionText(doc);
  if (error) {
    throw new Error(error);
  }
  return doc;
}

function children(el, name) {
  return el ? Array.from(el.children).filter((c) => c.localName === name) : [];
}

function child(el, name) {
  return children(el, name)[0] || null;
}

function text(el, name) {
  const c = child(el, name);
  return c ? c.textContent.trim() : '';
}

/**
 * The layers of a capabilities document, each with its boxes, dates, bands and style; CRSs and boxes are
 * inherited from enclosing layers as WMS 1.3.0 specifies.
 */
export function parseCapabilities(xmlText) {
  const doc = parseXml(xmlText);
  const root = doc.documentElement;
  if (root.localName !== 'WMS_Capabilities') {
    throw new Error('not a WMS 1.3.0 capabilities document: ' + root.localName);
  }
  const capability = child(root, 'Capability');
  const request = child(capability, 'Request');
  const infoFormats = children(child(request, 'GetFeatureInfo'), 'Format').map((f) => f.textContent.trim());
  const layers = [];
  for (const top of children(capability, 'Layer')) {
    walk(top, { crs: [], boxes: {} }, layers);
  }
  return { title: text(child(root, 'Service'), 'Title'), layers, infoFormats };
}

function walk(el, inherited, out) {
  const crs = inherited.crs.concat(children(el, 'CRS').map((c) => c.textContent.trim()));
  const boxes = Object.assign({}, inherited.boxes);
  for (const b of children(el, 'BoundingBox')) {
    boxes[b.getAttribute('CRS')] = ['minx', 'miny', 'maxx', 'maxy'].map((k) => Number(b.getAttribute(k)));
  }
  const name = text(el, 'Name');
  if (name) {
    out.push(layerOf(el, name, crs, boxes));
  }
  for (const c of children(el, 'Layer')) {
    walk(c, { crs, boxes }, out);
  }
}

function layerOf(el, name, crs, boxes) {
  const abstract = text(el, 'Abstract');
  const units = /Units: (.+?)\.(?:\s|$)/.exec(abstract);
  const source = /Produced by (.+?)\.(?:\s|$)/.exec(abstract);
  const time = children(el, 'Dimension').find((d) => d.getAttribute('name').toLowerCase() === 'time');
  // The sample dimension of an undated multi-band layer: its band names, requested as DIM_BAND.
  const band = children(el, 'Dimension').find((d) => d.getAttribute('name').toLowerCase() === 'band');
  const bands = band ? band.textContent.split(',').map((b) => b.trim()).filter((b) => b !== '') : [];
  const style = child(el, 'Style');
  const geo = child(el, 'EX_GeographicBoundingBox');
  const own = children(el, 'CRS').map((c) => c.textContent.trim());
  const keywords = children(child(el, 'KeywordList'), 'Keyword').map((k) => k.textContent.trim());
  return {
    name,
    kind: keywords.includes('stations') ? 'stations' : 'raster',
    title: text(el, 'Title') || name,
    abstract,
    queryable: el.getAttribute('queryable') === '1',
    units: units ? units[1] : '',
    source: source ? source[1] : '',
    crs,
    nativeCrs: own.find((c) => !['EPSG:4326', 'CRS:84', 'EPSG:3857'].includes(c)) || null,
    boxes,
    geographic: geo ? ['westBoundLongitude', 'southBoundLatitude', 'eastBoundLongitude', 'northBoundLatitude']
      .map((k) => Number(text(geo, k))) : null,
    dates: time ? expandTimes(time.textContent) : [],
    defaultTime: time ? time.getAttribute('default') : null,
    bands,
    defaultBand: band && bands.includes(band.getAttribute('default')) ? band.getAttribute('default') : bands[0] || null,
    style: style ? text(style, 'Name') : '',
    styleTitle: style ? text(style, 'Title') : '',
  };
}

function parseDay(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) {
    throw new Error('not an ISO date: ' + s);
  }
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** An ISO date (YYYY-MM-DD) of a UTC time in milliseconds. */
export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The dates of a TIME dimension value: a comma list of dates or date-times, each item possibly an
 * interval start/end/PnD, expanded day by day.
 */
export function expandTimes(value) {
  const out = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (!item) {
      continue;
    }
    if (!item.includes('/')) {
      out.push(isoDay(parseDay(item)));
      continue;
    }
    const [start, end, period = 'P1D'] = item.split('/');
    const step = /^P(\d+)D$/.exec(period.trim());
    if (!step || Number(step[1]) < 1) {
      throw new Error('unsupported time period ' + period + ' (only PnD)');
    }
    const last = parseDay(end);
    for (let d = parseDay(start); d <= last; d += Number(step[1]) * DAY_MS) {
      if (out.length >= MAX_DATES) {
        throw new Error('more than ' + MAX_DATES + ' dates in ' + item);
      }
      out.push(isoDay(d));
    }
  }
  return out;
}
