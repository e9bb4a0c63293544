/* The dashboard: fetches /api/v1/stats/ with the session cookie, draws each chart with
   Chart.js and writes the same numbers into a table beside it. The filters redraw all. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("chart-config").textContent);
  // Every word shown comes translated from the page: config.text, with {names} to fill in.
  const text = (key, values) => Object.entries(values || {}).reduce(
    (s, [name, value]) => s.replace(`{${name}}`, value), config.text[key],
  );
  const form = document.getElementById("dash-filters");
  const statusLine = document.getElementById("dash-status");
  const charts = {};
  const palette = [
    "#0b5cad", "#d9480f", "#2b8a3e", "#862e9c", "#c92a2a", "#1098ad",
    "#e67700", "#5c7cfa", "#495057", "#a61e4d", "#5f3dc4", "#087f5b",
  ];

  // Which endpoint feeds each chart, and how its answer becomes labels and series.
  const sources = {
    "held-by-country": { path: "summary/", rows: (d) => d.held_by_country, unit: text("peopleHeld") },
    status: { path: "summary/", rows: (d) => d.by_status, unit: text("people") },
    "extraditions-country": {
      path: "extraditions/", rows: (d) => d.by_country, unit: text("peopleSurrendered"),
    },
    "extraditions-year": {
      path: "extraditions/", rows: (d) => d.by_year, unit: text("peopleSurrendered"),
      series: (d) => (d.by_country_year ? pivot(d.by_country_year) : null),
    },
    charges: { path: "charges/", rows: (d) => d.by_category, unit: text("charges") },
    sentences: { path: "sentences/", rows: (d) => d.by_term, unit: text("sentences") },
    visits: { path: "visits/", rows: (d) => d.per_month, unit: text("completedVisits") },
  };

  // Rows {year, country, country_label, count} → one series per country over the years.
  function pivot(rows) {
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 9999) - (b ?? 9999));
    const byCountry = new Map();
    rows.forEach((r) => {
      const key = r.country_label || r.country;
      if (!byCountry.has(key)) byCountry.set(key, new Map());
      byCountry.get(key).set(r.year, r.count);
    });
    return {
      labels: years.map((y) => (y === null ? text("dateUnknown") : String(y))),
      datasets: [...byCountry.entries()].map(([label, counts]) => ({
        label, data: years.map((y) => counts.get(y) || 0),
      })),
    };
  }

  function query(params, keys) {
    const q = new URLSearchParams();
    keys.forEach((k) => { if (params[k]) q.set(k, params[k]); });
    const text = q.toString();
    return text ? `?${text}` : "";
  }

  async function fetchJSON(url) {
    const response = await fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const fields = body.fields ? Object.values(body.fields).flat().join(" ") : "";
      throw new Error(fields || body.detail || text("statisticsAnswered", { status: response.status }));
    }
    return body;
  }

  function fillTable(key, labels, datasets) {
    const table = document.querySelector(`[data-testid="table-${key}"]`);
    if (!table) return;
    const head = table.tHead;
    const body = table.tBodies[0];
    head.replaceChildren();
    body.replaceChildren();
    const hr = head.insertRow();
    const first = document.createElement("th");
    first.scope = "col";
    first.textContent = "";
    hr.appendChild(first);
    datasets.forEach((ds) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.className = "num";
      th.textContent = ds.label;
      hr.appendChild(th);
    });
    labels.forEach((label, i) => {
      const row = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = label;
      row.appendChild(th);
      datasets.forEach((ds) => {
        const td = row.insertCell();
        td.className = "num";
        td.textContent = ds.data[i];
      });
    });
    if (!labels.length) {
      const td = body.insertRow().insertCell();
      td.colSpan = datasets.length + 1;
      td.textContent = text("nothingToCount");
    }
  }

  function draw(chartDef, data) {
    const source = sources[chartDef.key];
    let labels;
    let datasets;
    const series = source.series ? source.series(data) : null;
    if (series) {
      ({ labels, datasets } = series);
    } else {
      const rows = source.rows(data) || [];
      labels = rows.map((r) => r.label);
      datasets = [{ label: source.unit, data: rows.map((r) => r.count) }];
    }
    fillTable(chartDef.key, labels, datasets);
    const canvas = document.getElementById(`canvas-${chartDef.key}`);
    const card = canvas.closest("[data-chart]");
    card.dataset.points = String(datasets.reduce((n, ds) => n + ds.data.length, 0));
    card.dataset.total = String(datasets.reduce((n, ds) => n + ds.data.reduce((a, b) => a + b, 0), 0));
    const totalLine = card.querySelector("[data-total]");
    if (totalLine) totalLine.textContent = card.dataset.total;
    const type = chartDef.type === "stacked" ? "bar" : chartDef.type;
    const round = type === "doughnut";
    const stacked = chartDef.type === "stacked" || datasets.length > 1;
    datasets.forEach((ds, i) => {
      const colour = palette[i % palette.length];
      ds.backgroundColor = round ? labels.map((_, j) => palette[j % palette.length]) : colour;
      ds.borderColor = type === "line" ? colour : "#fff";
      ds.borderWidth = type === "line" ? 2 : 1;
      ds.tension = 0.2;
      ds.pointRadius = type === "line" ? 2 : undefined;
    });
    // Without the chart library (no Node.js at set-up) the tables still carry the numbers.
    if (!window.Chart) return;
    if (charts[chartDef.key]) charts[chartDef.key].destroy();
    // A doughnut has no axis to read a figure from: its legend carries each number and
    // share ("Convicted: 12 (40%)").
    // Slices of nothing are left out of it (the table keeps them).
    let shown = labels;
    let drawn = datasets;
    if (round && datasets[0]) {
      const values = datasets[0].data;
      const total = values.reduce((a, b) => a + b, 0);
      const kept = labels.map((_, i) => i).filter((i) => values[i] > 0);
      shown = kept.map((i) => `${labels[i]}: ${values[i]} (${Math.round((100 * values[i]) / total)}%)`);
      drawn = [{
        ...datasets[0],
        data: kept.map((i) => values[i]),
        backgroundColor: kept.map((i) => datasets[0].backgroundColor[i]),
      }];
    }
    charts[chartDef.key] = new window.Chart(canvas, {
      type,
      data: { labels: shown, datasets: drawn },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: chartDef.horizontal ? "y" : "x",
        plugins: {
          legend: { display: round || datasets.length > 1, position: round ? "right" : "top" },
        },
        scales: round ? {} : {
          x: { stacked, beginAtZero: true, ticks: { autoSkip: true, maxRotation: 60, precision: 0 } },
          y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    card.dataset.drawn = "true";
  }

  async function redraw() {
    const params = Object.fromEntries(new FormData(form).entries());
    const ranged = query(params, ["nationality", "date_from", "date_to"]);
    statusLine.textContent = text("loading");
    document.querySelectorAll("[data-chart]").forEach((el) => { el.dataset.drawn = "false"; });
    try {
      const paths = [...new Set(config.charts.map((c) => sources[c.key].path))];
      const answers = await Promise.all(
        paths.map((p) => fetchJSON(`${config.api}${p}${ranged}`)),
      );
      const byPath = Object.fromEntries(paths.map((p, i) => [p, answers[i]]));
      config.charts.forEach((c) => draw(c, byPath[sources[c.key].path]));
      const overdue = await fetchJSON(
        `${config.api}overdue/${query({ ...params, limit: "1" }, ["nationality", "limit"])}`,
      );
      const tile = document.querySelector('[data-testid="overdue-value"]');
      tile.textContent = overdue.count;
      tile.closest("[data-chart]").dataset.drawn = "true";
      statusLine.textContent = describe(params);
      showAsOf([...answers, overdue]);
    } catch (error) {
      statusLine.textContent = text("couldNotLoad", { error: error.message });
      statusLine.classList.add("chart-error");
      return;
    }
    statusLine.classList.remove("chart-error");
  }

  // The oldest moment the figures shown were counted at (a date range is counted now).
  function showAsOf(shown) {
    const moments = shown.map((answer) => Date.parse(answer.as_of)).filter((t) => !Number.isNaN(t));
    if (!moments.length) return;
    const time = new Date(Math.min(...moments)).toLocaleString(document.documentElement.lang || undefined);
    document.getElementById("dash-as-of").textContent = text("figuresAsOf", { time });
  }

  function describe(params) {
    const select = form.elements.nationality;
    const who = params.nationality ? select.options[select.selectedIndex].text : text("allNationalities");
    const key = { "11": "showingFromTo", "10": "showingFrom", "01": "showingTo", "00": "showing" };
    const which = key[`${params.date_from ? 1 : 0}${params.date_to ? 1 : 0}`];
    return text(which, { who, from: params.date_from, to: params.date_to });
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); redraw(); });
  form.elements.nationality.addEventListener("change", redraw);
  form.addEventListener("reset", () => setTimeout(redraw, 0));
  redraw();
})();
