// A time-series chart on a canvas: value against date (or time, for station readings), gaps where there
// is no data, the selected date marked, the nearest date shown on hover, a click picks a date.

const DAY_MS = 86400000;
const COLORS = {
  line: '#1f5f8b',
  point: '#1f5f8b',
  selected: '#d1495b',
  grid: '#e6e9ed',
  axis: '#8a94a0',
  text: '#4a5562',
  empty: '#8a94a0',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Milliseconds of an ISO date (its 00:00 UTC) or of an ISO instant such as a station reading's time. */
function dayMs(iso) {
  if (iso.length > 10) {
    return Date.parse(iso);
  }
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Value axis ticks: about `count` round numbers covering [lo, hi]. */
function valueTicks(lo, hi, count) {
  const raw = (hi - lo) / count;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw);
  const ticks = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return { ticks, step };
}

/** Date axis ticks: days, weeks, months or years, whichever gives labels that fit. */
function dateTicks(t0, t1, maxTicks) {
  const span = (t1 - t0) / DAY_MS;
  const dayCandidates = [1, 2, 5, 7, 14];
  for (const d of dayCandidates) {
    if (span / d <= maxTicks) {
      const ticks = [];
      for (let t = Math.ceil(t0 / (d * DAY_MS)) * d * DAY_MS; t <= t1; t += d * DAY_MS) {
        ticks.push(t);
      }
      return { ticks, label: (t) => { const x = new Date(t); return MONTHS[x.getUTCMonth()] + ' ' + x.getUTCDate(); } };
    }
  }
  for (const m of [1, 2, 3, 6, 12, 24, 60, 120]) {
    if (span / (30.44 * m) <= maxTicks) {
      const ticks = [];
      const start = new Date(t0);
      let y = start.getUTCFullYear();
      let mo = Math.ceil((start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0)) / m) * m;
      for (let k = 0; k < 1000; k++) {
        const t = Date.UTC(y + Math.floor(mo / 12), mo % 12, 1);
        if (t > t1) {
          break;
        }
        if (t >= t0) {
          ticks.push(t);
        }
        mo += m;
      }
      const label = m >= 12
        ? (t) => String(new Date(t).getUTCFullYear())
        : (t) => { const x = new Date(t); return MONTHS[x.getUTCMonth()] + (x.getUTCMonth() === 0 || m >= 6 ? ' ' + x.getUTCFullYear() : ''); };
      return { ticks, label };
    }
  }
  return { ticks: [t0, t1], label: (t) => new Date(t).toISOString().slice(0, 10) };
}

/** Shortest readable text of a value for axis and tooltips. */
export function formatValue(v, step) {
  if (v === null || !Number.isFinite(v)) {
    return 'no data';
  }
  if (step) {
    const decimals = Math.max(0, Math.min(8, Math.ceil(-Math.log10(step) + 0.001)));
    return v.toFixed(decimals);
  }
  return Number(v.toPrecision(4)).toString();
}

/** The chart of one point's series. */
export class TimeSeriesChart {
  /**
   * @param canvas the canvas to draw on; it sets data-points (values plotted), data-dates and data-selected
   * @param tip an element for the hover tooltip
   * @param onPick called with a date index when the user clicks the chart
   */
  constructor(canvas, tip, onPick) {
    this.canvas = canvas;
    this.tip = tip;
    this.onPick = onPick;
    this.data = null;
    this.selected = null;
    this.hover = null;
    this.layout = null;
    new ResizeObserver(() => this.draw()).observe(canvas);
    canvas.addEventListener('pointermove', (e) => this.hovered(e));
    canvas.addEventListener('pointerleave', () => { this.hover = null; this.tip.hidden = true; this.draw(); });
    canvas.addEventListener('click', (e) => {
      const k = this.indexAt(e.offsetX);
      if (k !== null) {
        this.onPick(k);
      }
    });
  }

  /**
   * Shows a series: dates (ISO dates or instants), values (numbers or null), units and a title; null
   * clears the chart.
   */
  setData(data) {
    this.data = data;
    this.hover = null;
    this.tip.hidden = true;
    this.draw();
  }

  /** Marks an entry of the series' dates, or none. */
  setSelected(date) {
    this.selected = date;
    this.draw();
  }

  /** The date index nearest to a canvas x, or null. */
  indexAt(x) {
    const l = this.layout;
    if (!l || !this.data || this.data.dates.length === 0) {
      return null;
    }
    let best = null;
    let bestDist = Infinity;
    this.data.dates.forEach((d, k) => {
      const dist = Math.abs(l.x(dayMs(d)) - x);
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    });
    return bestDist <= 40 ? best : null;
  }

  hovered(e) {
    const k = this.indexAt(e.offsetX);
    this.hover = k;
    if (k === null) {
      this.tip.hidden = true;
    } else {
      const v = this.data.values[k];
      this.tip.textContent = this.data.dates[k] + '  ' + formatValue(v) + (v === null ? '' : ' ' + this.data.units);
      this.tip.hidden = false;
      const x = this.layout.x(dayMs(this.data.dates[k]));
      const left = Math.min(x + 10, this.canvas.clientWidth - this.tip.offsetWidth - 4);
      this.tip.style.left = Math.max(4, left) + 'px';
      this.tip.style.top = '6px';
    }
    this.draw();
  }

  draw() {
    const c = this.canvas;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (w === 0 || h === 0) {
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.font = '11px system-ui, sans-serif';
    const d = this.data;
    if (!d || d.dates.length === 0) {
      this.layout = null;
      c.dataset.points = '0';
      c.dataset.dates = '0';
      delete c.dataset.selected;
      ctx.fillStyle = COLORS.empty;
      ctx.textAlign = 'center';
      ctx.fillText(d && d.message ? d.message : 'No point selected.', w / 2, h / 2);
      return;
    }
    const times = d.dates.map(dayMs);
    const finite = d.values.filter((v) => v !== null && Number.isFinite(v));
    // reduce, not Math.min(...values): a long series would overflow the argument list.
    let lo = finite.length ? finite.reduce((m, v) => Math.min(m, v), Infinity) : 0;
    let hi = finite.length ? finite.reduce((m, v) => Math.max(m, v), -Infinity) : 1;
    if (hi - lo < 1e-12) {
      const pad = Math.abs(lo) * 0.1 || 0.01;
      lo -= pad;
      hi += pad;
    }
    const { ticks: yTicks, step: yStep } = valueTicks(lo, hi, Math.max(2, Math.floor(h / 40)));
    lo = Math.min(lo, yTicks[0]);
    hi = Math.max(hi, yTicks[yTicks.length - 1]);
    const yLabels = yTicks.map((v) => formatValue(v, yStep));
    const left = 14 + Math.max(...yLabels.map((s) => ctx.measureText(s).width)) + 8;
    const right = 14;
    const top = 12;
    const bottom = 24;
    let t0 = times[0];
    let t1 = times[times.length - 1];
    if (t1 === t0) {
      t0 -= DAY_MS;
      t1 += DAY_MS;
    }
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (w - left - right);
    const y = (v) => top + (1 - (v - lo) / (hi - lo)) * (h - top - bottom);
    this.layout = { x };

    // Grid and value axis.
    ctx.strokeStyle = COLORS.grid;
    ctx.lineWidth = 1;
    ctx.fillStyle = COLORS.text;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    yTicks.forEach((v, k) => {
      const py = Math.round(y(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(left, py);
      ctx.lineTo(w - right, py);
      ctx.stroke();
      ctx.fillText(yLabels[k], left - 6, py);
    });
    ctx.save();
    ctx.translate(10, top + (h - top - bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(d.units || 'value', 0, 0);
    ctx.restore();

    // Date axis.
    const { ticks: xTicks, label } = dateTicks(t0, t1, Math.max(2, Math.floor((w - left - right) / 70)));
    ctx.strokeStyle = COLORS.axis;
    ctx.beginPath();
    ctx.moveTo(left, h - bottom + 0.5);
    ctx.lineTo(w - right, h - bottom + 0.5);
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of xTicks) {
      const px = Math.round(x(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(px, h - bottom);
      ctx.lineTo(px, h - bottom + 4);
      ctx.stroke();
      // Kept inside the canvas: the last tick often sits on its right edge.
      const text = label(t);
      const half = ctx.measureText(text).width / 2;
      ctx.fillText(text, Math.max(half, Math.min(w - half - 1, px)), h - bottom + 6);
    }

    // Selected date, under the series.
    const sel = this.selected === null ? -1 : d.dates.indexOf(this.selected);
    if (sel >= 0) {
      const px = Math.round(x(times[sel])) + 0.5;
      ctx.strokeStyle = COLORS.selected;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, h - bottom);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (this.hover !== null && this.hover !== sel) {
      const px = Math.round(x(times[this.hover])) + 0.5;
      ctx.strokeStyle = COLORS.axis;
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, h - bottom);
      ctx.stroke();
    }

    // The series: a line broken where there is no data, and dots when the dates are few.
    ctx.strokeStyle = COLORS.line;
    ctx.lineWidth = 1.75;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let pen = false;
    let plotted = 0;
    d.values.forEach((v, k) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      plotted++;
      if (pen) {
        ctx.lineTo(x(times[k]), y(v));
      } else {
        ctx.moveTo(x(times[k]), y(v));
        pen = true;
      }
    });
    ctx.stroke();
    const dots = (w - left - right) / d.dates.length >= 6;
    ctx.fillStyle = COLORS.point;
    d.values.forEach((v, k) => {
      // A lone value between gaps has no line, so it always gets its dot.
      const alone = (k === 0 || d.values[k - 1] === null) && (k === d.values.length - 1 || d.values[k + 1] === null);
      if (v !== null && Number.isFinite(v) && (dots || alone)) {
        ctx.beginPath();
        ctx.arc(x(times[k]), y(v), 2.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
    if (sel >= 0 && d.values[sel] !== null) {
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = COLORS.selected;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x(times[sel]), y(d.values[sel]), 4.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    c.dataset.points = String(plotted);
    c.dataset.dates = String(d.dates.length);
    if (sel >= 0) {
      c.dataset.selected = d.dates[sel];
    } else {
      delete c.dataset.selected;
    }
  }
}
