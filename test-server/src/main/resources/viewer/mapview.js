// The map: WMS GetMap images of one view (centre, resolution, CRS), panned by dragging and zoomed by
// the wheel, with a graticule, a scale bar and a marker drawn over them.

const R = 6378137;
const D2R = Math.PI / 180;
const MAX_MERCATOR_LAT = 85.0511287798066;
const RELOAD_DELAY_MS = 180;
/** WMS MaxWidth / MaxHeight of the host. */
const MAX_SIZE = 4096;

const mercX = (lon) => R * lon * D2R;
const mercY = (lat) => R * Math.log(Math.tan(Math.PI / 4 + Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * D2R / 2));
const mercLon = (x) => x / R / D2R;
const mercLat = (y) => (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) / D2R;

/**
 * What the viewer knows of a CRS. Coordinates are always held x (easting, longitude) first; `yx` says
 * whether WMS 1.3.0 writes its BBOX latitude first. The axis order of an arbitrary EPSG code is not in
 * the capabilities, so EPSG:4000-4999 (geographic CRSs) are taken as latitude first and the rest
 * (projected CRSs) as easting first, which holds for UTM and most national grids.
 */
export function crsInfo(code) {
  if (code === 'EPSG:3857') {
    return { code, yx: false, geographic: false, mercator: true, label: 'Web Mercator (EPSG:3857)' };
  }
  if (code === 'CRS:84') {
    return { code, yx: false, geographic: true, mercator: false, label: 'Longitude/latitude (CRS:84)' };
  }
  const n = Number((/^EPSG:(\d+)$/.exec(code) || [])[1]);
  const geographic = n >= 4000 && n < 5000;
  return { code, yx: geographic, geographic, mercator: false, label: 'Native (' + code + ')' };
}

/** Longitude and latitude of a point of `crs`, or null when the viewer cannot tell (projected CRSs). */
export function toLonLat(crs, x, y) {
  if (crs.mercator) {
    return [mercLon(x), mercLat(y)];
  }
  return crs.geographic ? [x, y] : null;
}

/** A point of `crs` from longitude and latitude, or null for projected CRSs other than Web Mercator. */
export function fromLonLat(crs, lon, lat) {
  if (crs.mercator) {
    return [mercX(lon), mercY(lat)];
  }
  return crs.geographic ? [lon, lat] : null;
}

/** The layer's box in `crs`, x first, from its capabilities boxes; null when none is advertised. */
export function layerBox(layer, crs) {
  const b = layer.boxes[crs.code];
  if (!b) {
    return null;
  }
  return crs.yx ? [b[1], b[0], b[3], b[2]] : b.slice();
}

function niceStep(raw) {
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * p >= raw) {
      return m * p;
    }
  }
  return 10 * p;
}

function formatDegrees(v, step, pos, neg) {
  const decimals = Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) + 0.001)));
  return Math.abs(v).toFixed(decimals) + '°' + (v > 0 ? pos : v < 0 ? neg : '');
}

function formatLength(m) {
  return m >= 1000 ? (m / 1000) + ' km' : m + ' m';
}

/** The map widget of one container element. */
export class MapView {
  /**
   * @param el the container, holding #map-image, #graticule and #marker
   * @param handlers baseUrl of the services; onClick(request) for a click (not a drag), onLoad(url) when
   *     a map is shown, onError(message), describeError(responseText), onBusy(boolean), onCursor(point),
   *     onScale(pixels, label)
   */
  constructor(el, handlers) {
    this.el = el;
    this.h = handlers;
    this.img = el.querySelector('#map-image');
    this.grat = el.querySelector('#graticule');
    this.marker = el.querySelector('#marker');
    this.view = null;
    this.params = null;
    this.markerPoint = null;
    this.token = 0;
    this.timer = 0;
    this.shownUrl = null;
    this.needsFit = false;
    this.bindPointer();
    this.bindKeys();
    new ResizeObserver(() => this.resized()).observe(el);
  }

  get width() {
    return this.el.clientWidth;
  }

  get height() {
    return this.el.clientHeight;
  }

  get dpr() {
    // Sharper maps on high-density screens, but never more than twice the pixels.
    return Math.min(2, window.devicePixelRatio || 1);
  }

  /** Shows `box` (x first, in `crs`) whole; params are the layer's GetMap parameters. */
  show(crs, box, params) {
    this.params = params;
    this.view = { crs, cx: 0, cy: 0, res: 1 };
    this.fitBox = box;
    this.needsFit = true;
    this.fit();
  }

  /** New GetMap parameters (e.g. another date) for the same view, loaded after `delay` ms. */
  setParams(params, delay = 0) {
    this.params = params;
    this.scheduleLoad(delay);
  }

  fit() {
    if (!this.view || !this.fitBox || this.width === 0 || this.height === 0) {
      return;
    }
    this.needsFit = false;
    const [minx, miny, maxx, maxy] = this.fitBox;
    this.view.cx = (minx + maxx) / 2;
    this.view.cy = (miny + maxy) / 2;
    // A margin of 4 % so that the layer's edges show.
    this.view.res = 1.04 * Math.max((maxx - minx) / this.width, (maxy - miny) / this.height) || 1;
    this.changed(0);
  }

  zoom(factor, px = this.width / 2, py = this.height / 2) {
    const v = this.view;
    if (!v) {
      return;
    }
    const [minx, , , maxy] = this.bbox();
    const x = minx + px * v.res;
    const y = maxy - py * v.res;
    v.res /= factor;
    v.cx = x - (px - this.width / 2) * v.res;
    v.cy = y + (py - this.height / 2) * v.res;
    this.changed(RELOAD_DELAY_MS);
  }

  pan(dx, dy) {
    if (!this.view) {
      return;
    }
    this.view.cx -= dx * this.view.res;
    this.view.cy += dy * this.view.res;
    this.changed(RELOAD_DELAY_MS);
  }

  /** The view's box, x first. */
  bbox(v = this.view, w = this.width, h = this.height) {
    return [v.cx - (w / 2) * v.res, v.cy - (h / 2) * v.res, v.cx + (w / 2) * v.res, v.cy + (h / 2) * v.res];
  }

  /** The map point under a pixel of the container. */
  pointAt(px, py) {
    const [minx, , , maxy] = this.bbox();
    return [minx + px * this.view.res, maxy - py * this.view.res];
  }

  /** The container pixel of a map point. */
  pixelOf(x, y) {
    const [minx, , , maxy] = this.bbox();
    return [(x - minx) / this.view.res, (maxy - y) / this.view.res];
  }

  /** The WMS parameters shared by GetMap and GetFeatureInfo for the current view. */
  requestParams() {
    const v = this.view;
    const b = this.bbox();
    const box = v.crs.yx ? [b[1], b[0], b[3], b[2]] : b;
    const p = new URLSearchParams({
      SERVICE: 'WMS', VERSION: '1.3.0', REQUEST: 'GetMap', FORMAT: 'image/png', TRANSPARENT: 'TRUE',
      CRS: v.crs.code, BBOX: box.map((n) => Number(n.toPrecision(12))).join(','),
      WIDTH: String(Math.min(MAX_SIZE, Math.round(this.width * this.dpr))),
      HEIGHT: String(Math.min(MAX_SIZE, Math.round(this.height * this.dpr))),
    });
    for (const [k, val] of Object.entries(this.params || {})) {
      if (val !== null && val !== undefined) {
        p.set(k, val);
      }
    }
    return p;
  }

  mapUrl() {
    return this.h.baseUrl + 'wms?' + this.requestParams().toString();
  }

  /** Puts the marker on a point of the view's CRS, or removes it (null). */
  setMarker(point) {
    this.markerPoint = point;
    this.placeOverlays();
  }

  changed(delay) {
    this.placeOverlays();
    this.scheduleLoad(delay);
  }

  scheduleLoad(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), delay);
  }

  load() {
    if (!this.view || !this.params || this.width === 0 || this.height === 0) {
      return;
    }
    const url = this.mapUrl();
    if (url === this.shownUrl) {
      return;
    }
    const token = ++this.token;
    const rendered = { ...this.view, w: this.width, h: this.height };
    const img = new Image();
    img.className = 'map-image';
    img.alt = '';
    this.el.dataset.requested = url;
    this.h.onBusy(true);
    img.onload = () => {
      if (token !== this.token) {
        return;
      }
      img.id = 'map-image';
      img.dataset.state = 'loaded';
      img.dataset.time = this.params.TIME || '';
      img.rendered = rendered;
      this.img.replaceWith(img);
      this.img = img;
      this.shownUrl = url;
      this.placeOverlays();
      this.h.onBusy(false);
      this.h.onLoad(url);
    };
    img.onerror = async () => {
      if (token !== this.token) {
        return;
      }
      this.h.onBusy(false);
      let message = 'the map could not be loaded';
      try {
        const r = await fetch(url);
        message = this.h.describeError(await r.text()) || message + ' (HTTP ' + r.status + ')';
      } catch (e) {
        // The server is unreachable: keep the generic message.
      }
      this.h.onError(message);
    };
    img.src = url;
  }

  resized() {
    const w = this.width;
    const h = this.height;
    const c = this.grat;
    c.width = Math.round(w * this.dpr);
    c.height = Math.round(h * this.dpr);
    c.style.width = w + 'px';
    c.style.height = h + 'px';
    if (this.needsFit) {
      // Shown before the container had a size: fit now.
      this.fit();
      return;
    }
    this.changed(RELOAD_DELAY_MS);
  }

  /** Moves the shown image, marker, graticule and scale bar to the current view, between map loads. */
  placeOverlays() {
    const v = this.view;
    if (!v) {
      return;
    }
    const r = this.img.rendered;
    if (r) {
      const rb = this.bbox(r, r.w, r.h);
      const vb = this.bbox();
      const s = r.res / v.res;
      const st = this.img.style;
      st.left = (rb[0] - vb[0]) / v.res + 'px';
      st.top = (vb[3] - rb[3]) / v.res + 'px';
      st.width = r.w * s + 'px';
      st.height = r.h * s + 'px';
    }
    if (this.markerPoint) {
      const [px, py] = this.pixelOf(this.markerPoint[0], this.markerPoint[1]);
      const inside = px >= 0 && py >= 0 && px <= this.width && py <= this.height;
      this.marker.hidden = !inside;
      this.marker.style.left = px + 'px';
      this.marker.style.top = py + 'px';
    } else {
      this.marker.hidden = true;
    }
    this.drawGraticule();
    this.drawScale();
  }

  drawGraticule() {
    const ctx = this.grat.getContext('2d');
    const dpr = this.dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const v = this.view;
    const crs = v.crs;
    const [minx, miny, maxx, maxy] = this.bbox();
    // Every CRS offered is separable (x depends on u only, y on v only), so graticule lines are straight.
    const toX = crs.mercator ? mercX : (u) => u;
    const toY = crs.mercator ? mercY : (w) => w;
    const u0 = crs.mercator ? mercLon(minx) : minx;
    const u1 = crs.mercator ? mercLon(maxx) : maxx;
    const w0 = crs.mercator ? mercLat(miny) : miny;
    const w1 = crs.mercator ? mercLat(maxy) : maxy;
    const degrees = crs.mercator || crs.geographic;
    const stepU = niceStep((u1 - u0) / Math.max(1, this.width / 130));
    const stepW = niceStep((w1 - w0) / Math.max(1, this.height / 110));
    ctx.lineWidth = 1;
    ctx.font = '10px system-ui, sans-serif';
    const labels = [];
    const labelU = (u) => (degrees ? formatDegrees(u, stepU, 'E', 'W') : formatLength(Number(u.toPrecision(10))));
    const labelW = (w) => (degrees ? formatDegrees(w, stepW, 'N', 'S') : formatLength(Number(w.toPrecision(10))));
    ctx.beginPath();
    for (let u = Math.ceil(u0 / stepU) * stepU, k = 0; u <= u1 && k < 200; u += stepU, k++) {
      const px = Math.round((toX(u) - minx) / v.res) + 0.5;
      ctx.moveTo(px, 0);
      ctx.lineTo(px, this.height);
      labels.push([labelU(u), px + 3, 12]);
    }
    for (let w = Math.ceil(w0 / stepW) * stepW, k = 0; w <= w1 && k < 200; w += stepW, k++) {
      const py = Math.round((maxy - toY(w)) / v.res) + 0.5;
      ctx.moveTo(0, py);
      ctx.lineTo(this.width, py);
      labels.push([labelW(w), 48, py - 3]);
    }
    ctx.strokeStyle = 'rgba(40, 50, 62, 0.28)';
    ctx.stroke();
    // Labels with a light halo, readable over any colour of the map.
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.fillStyle = '#2c3642';
    for (const [text, x, y] of labels) {
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
    }
  }

  /** Metres on the ground per CSS pixel at the view centre (approximate off the equator for degrees). */
  metresPerPixel() {
    const v = this.view;
    if (v.crs.mercator) {
      return v.res * Math.cos(mercLat(v.cy) * D2R);
    }
    if (v.crs.geographic) {
      return v.res * 111320 * Math.cos(Math.max(-89, Math.min(89, v.cy)) * D2R);
    }
    return v.res;
  }

  drawScale() {
    const m = this.metresPerPixel() * 110;
    const p = Math.pow(10, Math.floor(Math.log10(m)));
    const len = [5, 2, 1].map((k) => k * p).find((l) => l <= m) || p;
    this.h.onScale(len / this.metresPerPixel(), formatLength(Number(len.toPrecision(6))));
  }

  bindPointer() {
    let start = null;
    let last = null;
    let dragging = false;
    this.el.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 || !this.view || e.target.closest('.map-tools, .map-status')) {
        return;
      }
      this.el.setPointerCapture(e.pointerId);
      start = true;
      last = [e.clientX, e.clientY];
      dragging = false;
    });
    this.el.addEventListener('pointermove', (e) => {
      if (this.view && !e.target.closest('.map-tools, .map-status')) {
        const rect = this.el.getBoundingClientRect();
        this.h.onCursor(this.pointAt(e.clientX - rect.left, e.clientY - rect.top));
      }
      if (!start) {
        return;
      }
      const dx = e.clientX - last[0];
      const dy = e.clientY - last[1];
      if (!dragging && Math.hypot(e.clientX - last[0], e.clientY - last[1]) < 4) {
        return;
      }
      dragging = true;
      this.el.classList.add('dragging');
      last = [e.clientX, e.clientY];
      this.pan(dx, dy);
    });
    const end = (e) => {
      if (!start) {
        return;
      }
      if (!dragging && e.type === 'pointerup') {
        const rect = this.el.getBoundingClientRect();
        this.click(e.clientX - rect.left, e.clientY - rect.top);
      }
      start = null;
      dragging = false;
      this.el.classList.remove('dragging');
    };
    this.el.addEventListener('pointerup', end);
    this.el.addEventListener('pointercancel', end);
    this.el.addEventListener('wheel', (e) => {
      if (!this.view) {
        return;
      }
      e.preventDefault();
      const rect = this.el.getBoundingClientRect();
      // One wheel notch (about 100 units) zooms by 1.25; trackpads send smaller steps.
      const factor = Math.pow(1.25, -Math.max(-3, Math.min(3, e.deltaY / 100)));
      this.zoom(factor, e.clientX - rect.left, e.clientY - rect.top);
    }, { passive: false });
  }

  bindKeys() {
    this.el.addEventListener('keydown', (e) => {
      const step = 80;
      const actions = {
        '+': () => this.zoom(2), '=': () => this.zoom(2), '-': () => this.zoom(0.5), '0': () => this.fit(),
        ArrowLeft: () => this.pan(step, 0), ArrowRight: () => this.pan(-step, 0),
        ArrowUp: () => this.pan(0, step), ArrowDown: () => this.pan(0, -step),
      };
      if (actions[e.key]) {
        e.preventDefault();
        actions[e.key]();
      }
    });
  }

  /** A click at a container pixel: the GetFeatureInfo pixel of the current view's map. */
  click(px, py) {
    if (!this.view || px < 0 || py < 0 || px >= this.width || py >= this.height) {
      return;
    }
    const params = this.requestParams();
    // The pixel of the requested image, which may be larger than the container (high-density screens).
    const i = Math.min(Number(params.get('WIDTH')) - 1, Math.floor((px * Number(params.get('WIDTH'))) / this.width));
    const j = Math.min(Number(params.get('HEIGHT')) - 1, Math.floor((py * Number(params.get('HEIGHT'))) / this.height));
    this.h.onClick({ params, i, j, point: this.pointAt(px, py), crs: this.view.crs });
  }
}
