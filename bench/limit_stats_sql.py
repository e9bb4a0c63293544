"""The limit's SQL for the statistics: each answer of /api/v1/stats/ as one query in which
PostgreSQL builds the JSON. Besides the parameters of `bench.limit_sql.WHO`, each takes
`nationality` (or NULL) and the choice lists it reports in order (`choices`: a JSON
array of [key, label] pairs)."""

from .limit_sql import VISIBLE, WHO, last_completed_visit

HELD = "('detained', 'charged', 'on_trial', 'convicted', 'extradition_pending')"


def country_label(column: str) -> str:
    """`config.api.country_label`: the country's name, "Unknown" without one."""
    return f"CASE WHEN {column} = '' THEN 'Unknown' ELSE COALESCE(lab.c ->> {column}, '') END"


# The detainees the user may see, of one nationality when asked.
DETAINEES = f"""
{WHO},
vis AS (
    SELECT d.id, d.status, d.full_name, d.detaining_country FROM cases_detainee d CROSS JOIN who
    WHERE who.can_read AND {VISIBLE}
        AND (%(nationality)s::text IS NULL OR EXISTS (
            SELECT 1 FROM cases_nationality n
            WHERE n.detainee_id = d.id AND n.country = %(nationality)s::text))
),
choice AS (
    SELECT e ->> 0 AS key, e ->> 1 AS label, ord
    FROM json_array_elements(%(choices)s::json) WITH ORDINALITY AS c(e, ord)
)"""

SUMMARY = f"""
WITH {DETAINEES},
by_country AS (
    SELECT vis.detaining_country AS country, count(*) AS n
    FROM vis
    WHERE vis.status IN {HELD} AND vis.detaining_country <> ''
    GROUP BY vis.detaining_country
),
by_status AS (SELECT status, count(*) AS n FROM vis GROUP BY status)
SELECT who.can_read, json_build_object(
    'totals', json_build_object(
        'detainees', (SELECT count(*) FROM vis),
        'held', (SELECT count(*) FROM vis WHERE status IN {HELD}),
        'detaining_countries', (SELECT count(*) FROM by_country)),
    'by_status', (SELECT json_agg(json_build_object('key', choice.key, 'label', choice.label,
            'count', COALESCE(bs.n, 0)) ORDER BY choice.ord)
        FROM choice LEFT JOIN by_status bs ON bs.status = choice.key),
    'held_by_country', COALESCE((SELECT json_agg(json_build_object('key', bc.country,
            'label', {country_label("bc.country")}, 'count', bc.n)
            ORDER BY bc.n DESC, bc.country)
        FROM by_country bc CROSS JOIN lab), '[]'::json)
)::text
FROM who
"""

EXTRADITIONS = f"""
WITH {DETAINEES},
surrendered AS (
    SELECT e.detainee_id, e.from_country, extract(year FROM e.surrendered_on)::int AS year
    FROM cases_extradition e JOIN vis ON vis.id = e.detainee_id
    WHERE e.archived_at IS NULL AND e.status = 'surrendered'
        AND (%(nationality)s::text IS NULL OR e.from_country <> %(nationality)s::text)
)
SELECT who.can_read, json_build_object(
    'total', (SELECT count(DISTINCT detainee_id) FROM surrendered),
    'extraditions', (SELECT count(*) FROM surrendered),
    'by_country', COALESCE((SELECT json_agg(json_build_object('key', x.from_country,
            'label', {country_label("x.from_country")}, 'count', x.n)
            ORDER BY x.n DESC, x.from_country)
        FROM (SELECT from_country, count(DISTINCT detainee_id) AS n FROM surrendered
            GROUP BY from_country) x CROSS JOIN lab), '[]'::json),
    'by_year', COALESCE((SELECT json_agg(json_build_object('key', x.year,
            'label', COALESCE(x.year::text, 'Date unknown'), 'count', x.n)
            ORDER BY x.year ASC NULLS LAST)
        FROM (SELECT year, count(DISTINCT detainee_id) AS n FROM surrendered
            GROUP BY year) x), '[]'::json),
    'by_country_year', COALESCE((SELECT json_agg(json_build_object('year', x.year,
            'country', x.from_country, 'country_label', {country_label("x.from_country")},
            'count', x.n) ORDER BY x.year ASC NULLS LAST, x.from_country)
        FROM (SELECT year, from_country, count(DISTINCT detainee_id) AS n FROM surrendered
            GROUP BY year, from_country) x CROSS JOIN lab), '[]'::json)
)::text
FROM who
"""

CHARGES = f"""
WITH {DETAINEES},
counted AS (
    SELECT ch.category, count(*) AS n, count(DISTINCT c.detainee_id) AS people
    FROM cases_charge ch JOIN cases_case c ON c.id = ch.case_id
    JOIN vis ON vis.id = c.detainee_id
    WHERE ch.archived_at IS NULL
    GROUP BY ch.category
)
SELECT who.can_read, json_build_object(
    'total', (SELECT COALESCE(sum(n), 0) FROM counted),
    'by_category', (SELECT json_agg(json_build_object('key', choice.key,
            'label', choice.label, 'count', COALESCE(x.n, 0),
            'detainees', COALESCE(x.people, 0)) ORDER BY COALESCE(x.n, 0) DESC, choice.ord)
        FROM choice LEFT JOIN counted x ON x.category = choice.key)
)::text
FROM who
"""

SENTENCES = f"""
WITH {DETAINEES},
bucketed AS (
    SELECT CASE
        WHEN s.is_life THEN 'life'
        WHEN s.term_years IS NULL AND s.term_months IS NULL THEN 'no_term'
        WHEN COALESCE(s.term_years, 0) * 12 + COALESCE(s.term_months, 0) < 12 THEN 'under_1'
        WHEN COALESCE(s.term_years, 0) * 12 + COALESCE(s.term_months, 0) <= 60 THEN '1_5'
        WHEN COALESCE(s.term_years, 0) * 12 + COALESCE(s.term_months, 0) <= 120 THEN '5_10'
        WHEN COALESCE(s.term_years, 0) * 12 + COALESCE(s.term_months, 0) <= 240 THEN '10_20'
        ELSE 'over_20' END AS bucket, count(*) AS n
    FROM cases_sentence s JOIN cases_case c ON c.id = s.case_id
    JOIN vis ON vis.id = c.detainee_id
    WHERE s.archived_at IS NULL
    GROUP BY 1
)
SELECT who.can_read, json_build_object(
    'total', (SELECT COALESCE(sum(n), 0) FROM bucketed),
    'by_term', (SELECT json_agg(json_build_object('key', choice.key, 'label', choice.label,
            'count', COALESCE(b.n, 0)) ORDER BY choice.ord)
        FROM choice LEFT JOIN bucketed b ON b.bucket = choice.key)
)::text
FROM who
"""

# Months from the first to the last with a visit, the latest `max_months` at most.
VISITS = f"""
WITH {DETAINEES},
visits AS (
    SELECT v.visited_on, v.visited_on_precision
    FROM consular_consularvisit v JOIN vis ON vis.id = v.detainee_id
    WHERE v.archived_at IS NULL AND v.outcome = 'completed'
),
per_month AS (
    SELECT date_trunc('month', visited_on)::date AS month, count(*) AS n FROM visits
    WHERE visited_on_precision IN ('month', 'day') GROUP BY 1
),
span AS (
    SELECT GREATEST(min(month),
            (max(month) - make_interval(months => %(max_months)s::int - 1))::date) AS first,
        max(month) AS last
    FROM per_month
)
SELECT who.can_read, json_build_object(
    'total', (SELECT count(*) FROM visits),
    'per_month', COALESCE((SELECT json_agg(json_build_object(
            'key', to_char(m, 'YYYY-MM'), 'label', to_char(m, 'Mon YYYY'),
            'count', COALESCE(pm.n, 0)) ORDER BY m)
        FROM span CROSS JOIN generate_series(span.first, span.last, interval '1 month') m
        LEFT JOIN per_month pm ON pm.month = m::date), '[]'::json)
)::text
FROM who
"""

# Held detainees whose latest completed visit (by the date it counts from) is older than
# the interval, never visited first.
OVERDUE = f"""
WITH {DETAINEES},
waiting AS (
    SELECT vis.id, vis.full_name, vis.status, lv.day, lv.precision
    FROM vis
    {last_completed_visit("vis.id", "lv", ", v.visited_on_precision AS precision")}
    WHERE vis.status IN {HELD}
        AND (lv.day IS NULL OR lv.day < %(today)s::date - %(interval)s::int)
),
listed AS (
    SELECT * FROM waiting ORDER BY day ASC NULLS FIRST, full_name LIMIT %(limit)s::int
)
SELECT who.can_read, json_build_object(
    'interval_days', %(interval)s::int,
    'today', to_char(%(today)s::date, 'YYYY-MM-DD'),
    'count', (SELECT count(*) FROM waiting),
    'detainees', COALESCE((SELECT json_agg(json_build_object('id', l.id,
            'full_name', l.full_name, 'status', l.status,
            'status_label', COALESCE(lab.l -> 'detainee_status' ->> l.status, l.status),
            'last_visit_on', CASE WHEN l.day IS NULL THEN NULL
                WHEN l.precision = 'year' THEN to_char(l.day, 'YYYY')
                WHEN l.precision = 'month' THEN to_char(l.day, 'YYYY-MM')
                ELSE to_char(l.day, 'YYYY-MM-DD') END,
            'days_since_last_visit', %(today)s::date - l.day)
            ORDER BY l.day ASC NULLS FIRST, l.full_name)
        FROM listed l CROSS JOIN lab), '[]'::json)
)::text
FROM who
"""

FACILITIES = f"""
WITH {DETAINEES},
holding AS (
    SELECT f.id, f.name, f.country, f.locality, count(DISTINCT cp.detainee_id) AS n
    FROM cases_facility f JOIN cases_custodyperiod cp ON cp.facility_id = f.id
    JOIN vis ON vis.id = cp.detainee_id
    WHERE cp.ended_on IS NULL AND vis.status IN {HELD}
    GROUP BY f.id
    ORDER BY n DESC, f.name LIMIT %(limit)s::int
)
SELECT who.can_read, json_build_object(
    'by_facility', COALESCE((SELECT json_agg(json_build_object('key', h.id,
            'label', h.name || ' (' || {country_label("h.country")} || ')', 'count', h.n,
            'name', h.name, 'country', h.country,
            'country_label', {country_label("h.country")}, 'locality', h.locality)
            ORDER BY h.n DESC, h.name)
        FROM holding h CROSS JOIN lab), '[]'::json)
)::text
FROM who
"""
