"""The limit's SQL: each answer of the detainee endpoints as one query in which PostgreSQL
builds the JSON. Fragments are composed here; `bench.limit` runs them.

Parameters every query takes: `token` (the API token), `labels` and `countries` (JSON
maps of choice labels and country names, so that labels come out as the app's do).
"""

from functools import cache

# --- Fragments ---------------------------------------------------------------------------


def pdate(column: str) -> str:
    """A partial date as the ISO text of its precision (2019, 2019-06, 2019-06-21)."""
    return (
        f"CASE WHEN {column} IS NULL THEN NULL "
        f"WHEN {column}_precision = 'year' THEN to_char({column}, 'YYYY') "
        f"WHEN {column}_precision = 'month' THEN to_char({column}, 'YYYY-MM') "
        f"ELSE to_char({column}, 'YYYY-MM-DD') END"
    )


def timestamp(column: str) -> str:
    """A timestamp as DRF writes it in UTC: ISO 8601, microseconds when there are any, Z."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') "
        f"|| CASE WHEN to_char({utc}, 'US') = '000000' THEN '' "
        f"ELSE '.' || to_char({utc}, 'US') END "
        "|| 'Z'"
    )


def country(column: str) -> str:
    return f"json_build_object('code', {column}, 'name', COALESCE(lab.c ->> {column}, ''))"


def label(kind: str, column: str) -> str:
    return f"COALESCE(lab.l -> '{kind}' ->> {column}, {column})"


def facility_brief(alias: str) -> str:
    return (
        f"json_build_object('id', {alias}.id, 'name', {alias}.name, 'kind', {alias}.kind, "
        f"'country', {country(f'{alias}.country')}, 'locality', {alias}.locality)"
    )


def citations(table: str, key: str, owner: str) -> str:
    """The sources a record cites, as the app's CitationSerializer shows them."""
    return (
        "COALESCE((SELECT json_agg(json_build_object("
        "'id', s.id, 'title', s.title, 'outlet', s.outlet, 'url', s.url, "
        f"'published_on', {pdate('s.published_on')}, 'quote', cit.quote) ORDER BY cit.id) "
        f"FROM {table} cit JOIN cases_source s ON s.id = cit.source_id "
        f"WHERE cit.{key} = {owner}), '[]'::json)"
    )


def _has_perm(app_label: str, codename: str) -> str:
    return (
        "(u.is_superuser OR EXISTS (SELECT 1 FROM auth_permission p "
        "JOIN django_content_type ct ON ct.id = p.content_type_id "
        f"WHERE ct.app_label = '{app_label}' AND p.codename = '{codename}' AND ("
        "EXISTS (SELECT 1 FROM auth_user_user_permissions up "
        "WHERE up.user_id = u.id AND up.permission_id = p.id) "
        "OR EXISTS (SELECT 1 FROM auth_user_groups ug JOIN auth_group_permissions gp "
        "ON gp.group_id = ug.group_id WHERE ug.user_id = u.id AND gp.permission_id = p.id))))"
    )


# The token's user and what their roles let them do; no row for a wrong token.
WHO = f"""
lab AS (SELECT %(labels)s::jsonb AS l, %(countries)s::jsonb AS c),
who AS (
    SELECT u.id,
        u.is_superuser OR EXISTS (
            SELECT 1 FROM auth_user_groups ug JOIN auth_group g ON g.id = ug.group_id
            WHERE ug.user_id = u.id AND g.name = 'admin') AS is_admin,
        {_has_perm("cases", "view_detainee")} AS can_read,
        {_has_perm("cases", "view_sensitive")} AS can_sensitive
    FROM authtoken_token t JOIN auth_user u ON u.id = t.user_id
    WHERE t.key = %(token)s AND u.is_active
)"""

# `visible_to(user)`: live records; restricted ones only for their caseworker and admins.
VISIBLE = (
    "d.archived_at IS NULL "
    "AND (who.is_admin OR NOT d.is_restricted OR d.assigned_caseworker_id = who.id)"
)


def last_completed_visit(detainee: str, alias: str, extra: str = "") -> str:
    """The date the latest completed visit of `detainee` counts from (its own date, else
    the first publication of a source reporting it, else the day it was recorded), as
    `ConsularVisitQuerySet.with_counted_date` computes it; `extra` adds columns of it."""
    return f"""
LEFT JOIN LATERAL (
    SELECT COALESCE(
        v.visited_on,
        (SELECT s.published_on FROM consular_consularvisitcitation vc
            JOIN cases_source s ON s.id = vc.source_id
            WHERE vc.visit_id = v.id AND s.published_on IS NOT NULL
            ORDER BY s.published_on LIMIT 1),
        (v.created_at AT TIME ZONE 'UTC')::date) AS day{extra}
    FROM consular_consularvisit v
    WHERE v.detainee_id = {detainee} AND v.outcome = 'completed' AND v.archived_at IS NULL
    ORDER BY 1 DESC, v.id DESC LIMIT 1
) {alias} ON true"""


LAST_VISIT = last_completed_visit("d.id", "lv")

LIST_ROW = f"""json_build_object(
    'id', d.id, 'version', d.version, 'full_name', d.full_name,
    'name_original_script', d.name_original_script,
    'status', d.status, 'status_label', {label("detainee_status", "d.status")},
    'priority', d.priority, 'priority_label', {label("priority", "d.priority")},
    'nationalities', COALESCE((SELECT json_agg({country("n.country")} ORDER BY n.country)
        FROM cases_nationality n WHERE n.detainee_id = d.id), '[]'::json),
    'detaining_country', {country("d.detaining_country")},
    'current_facility', (SELECT {facility_brief("f")} FROM cases_facility f
        WHERE f.id = d.current_facility_id),
    'assigned_caseworker', d.assigned_caseworker_id,
    'assigned_caseworker_username', (SELECT cw.username FROM auth_user cw
        WHERE cw.id = d.assigned_caseworker_id),
    'is_restricted', d.is_restricted,
    'last_visit_on', to_char(lv.day, 'YYYY-MM-DD'),
    'days_since_last_visit', %(today)s::date - lv.day,
    'updated_at', {timestamp("d.updated_at")})"""

# Sensitive fields only for roles that may see them; the ids of the rows that showed a
# value come back beside the answer, for the sensitive-read log.
WITH_SENSITIVE = """CASE WHEN who.can_sensitive
    THEN (r.o::jsonb || jsonb_build_object(
        'welfare_notes', d.welfare_notes, 'next_of_kin', d.next_of_kin))::json
    ELSE r.o END"""
SHOWS_SENSITIVE = "who.can_sensitive AND (d.welfare_notes <> '' OR d.next_of_kin <> '')"

# How well a person's names match a name search, as `DetaineeQuerySet.ranked_by_name`
# ranks them: a name holding every query word as a whole word first, then the pg_trgm
# similarity of the best-matching name.
MATCH_COLUMNS = """,
    (d.search_key LIKE ALL (%(words)s::text[]) OR EXISTS (SELECT 1 FROM cases_namevariant nw
        WHERE nw.detainee_id = d.id AND nw.search_key LIKE ALL (%(words)s::text[])))::int
        AS whole,
    GREATEST(
        COALESCE(strict_word_similarity(%(phrase)s, d.full_name), 0),
        COALESCE(strict_word_similarity(%(phrase)s, d.name_original_script), 0),
        COALESCE((SELECT max(strict_word_similarity(%(phrase)s, nm.name))
            FROM cases_namevariant nm WHERE nm.detainee_id = d.id), 0)) AS match"""
BY_NAME = "full_name, id"
BY_MATCH = "whole DESC, match DESC, full_name, id"


def _contains_all(column: str, terms: int) -> str:
    """`column` LIKE each of the parameters `term0` …: one LIKE per term, which a trigram
    index serves (a LIKE ALL over an array parameter is not)."""
    return " AND ".join(f"{column} LIKE %(term{i})s" for i in range(terms))


def _name_search(terms: int) -> str:
    if not terms:
        return ""
    return f"""
        AND d.id IN (
            SELECT ds.id FROM cases_detainee ds WHERE {_contains_all("ds.search_key", terms)}
            UNION
            SELECT nv.detainee_id FROM cases_namevariant nv
            WHERE {_contains_all("nv.search_key", terms)})"""


@cache
def visible_list(*, terms: int) -> str:
    """The people the list selects, before paging: shared by the answer and by the
    estimate of their number. A name search (of `terms` terms) finds people through each
    table's trigram index and joins the two lists."""
    return f"""
visible AS (
    SELECT d.id, d.full_name{MATCH_COLUMNS if terms else ""}
    FROM cases_detainee d CROSS JOIN who
    WHERE who.can_read AND {VISIBLE}
        AND (cardinality(%(statuses)s::text[]) = 0 OR d.status = ANY(%(statuses)s::text[]))
        AND (%(nationality)s::text IS NULL OR EXISTS (
            SELECT 1 FROM cases_nationality n
            WHERE n.detainee_id = d.id AND n.country = %(nationality)s::text)){_name_search(terms)}
)"""


@cache
def detainee_list_estimate(*, terms: int) -> str:
    """The planner's estimate of the list's length, which the answer gives beyond
    `exact_limit` rows (as `config.pagination.bounded_count` does)."""
    return f"EXPLAIN (FORMAT JSON) WITH {WHO}, {visible_list(terms=terms)} SELECT id FROM visible"


@cache
def detainee_list(*, terms: int) -> str:
    """The list, counted up to `exact_limit` + 1 rows; a page reads one row more than it
    shows, to know whether another follows. A name search (`terms` > 0) comes best match
    first."""
    order = BY_MATCH if terms else BY_NAME
    return f"""
WITH {WHO}, {visible_list(terms=terms)},
total AS (
    SELECT count(*) AS n FROM (SELECT 1 FROM visible LIMIT %(exact_limit)s::int + 1) counted
),
page AS (
    SELECT * FROM visible ORDER BY {order} LIMIT %(size)s::int + 1 OFFSET %(offset)s::int
),
shown AS (SELECT *, row_number() OVER (ORDER BY {order}) AS place FROM page
    ORDER BY {order} LIMIT %(size)s::int),
rows AS (
    SELECT d.id, shown.place, {WITH_SENSITIVE} AS o, {SHOWS_SENSITIVE} AS shows
    FROM shown JOIN cases_detainee d ON d.id = shown.id CROSS JOIN lab CROSS JOIN who
    {LAST_VISIT}
    CROSS JOIN LATERAL (SELECT {LIST_ROW} AS o) r
)
SELECT who.can_read, json_build_object(
    'count', CASE WHEN total.n > %(exact_limit)s::int
        THEN GREATEST(%(estimate)s::int, total.n) ELSE total.n END,
    'count_is_estimate', total.n > %(exact_limit)s::int,
    'next', CASE WHEN (SELECT count(*) FROM page) > %(size)s::int THEN %(next)s::text END,
    'previous', %(previous)s::text,
    'results', COALESCE((SELECT json_agg(o ORDER BY place) FROM rows), '[]'::json)
)::text, ARRAY(SELECT id FROM rows WHERE shows)
FROM who CROSS JOIN total
"""


# --- Dated facts (cases.dated_facts in SQL) ----------------------------------------------

CHANGING = "('status', 'detaining_country', 'facility', 'extradition_status')"


def fact_label(fact: str, value: str) -> str:
    """`dated_facts.value_label`."""
    term = f"regexp_match({value}, '^P(?:(\\d+)Y)?(?:(\\d+)M)?$')"
    return f"""CASE
    WHEN {value} IS NULL THEN ''
    WHEN {fact} = 'status' THEN {label("detainee_status", value)}
    WHEN {fact} = 'extradition_status' THEN {label("extradition_status", value)}
    WHEN {fact} = 'detaining_country' THEN COALESCE(NULLIF(lab.c ->> {value}, ''), {value})
    WHEN {fact} = 'facility' THEN COALESCE((
        SELECT ff.name || CASE WHEN concat_ws(', ', NULLIF(ff.locality, ''),
                NULLIF(lab.c ->> ff.country, '')) = '' THEN ''
            ELSE ' (' || concat_ws(', ', NULLIF(ff.locality, ''),
                NULLIF(lab.c ->> ff.country, '')) || ')' END
        FROM cases_facility ff WHERE {value} ~ '^[0-9]+$' AND ff.id = {value}::int
            AND EXISTS (SELECT 1 FROM rep WHERE rep.facility_id = ff.id)),
        'facility ' || {value})
    WHEN {fact} = 'date_of_birth' THEN CASE
        WHEN {value} ~ '^[0-9]{{4}}$' THEN ltrim({value}, '0')
        WHEN {value} ~ '^[0-9]{{4}}-[0-9]{{2}}$'
            THEN to_char(to_date({value}, 'YYYY-MM'), 'FMMonth ')
                || ltrim(left({value}, 4), '0')
        WHEN {value} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$'
            THEN to_char(to_date({value}, 'YYYY-MM-DD'), 'FMDD FMMonth ')
                || ltrim(left({value}, 4), '0')
        ELSE {value} END
    WHEN {fact} = 'sentence_term' THEN CASE
        WHEN {value} = 'life' THEN 'life'
        ELSE COALESCE(NULLIF(concat_ws(' ',
            CASE WHEN ({term})[1]::int > 0 THEN ({term})[1]::int || ' year'
                || CASE WHEN ({term})[1]::int <> 1 THEN 's' ELSE '' END END,
            CASE WHEN ({term})[2]::int > 0 THEN ({term})[2]::int || ' month'
                || CASE WHEN ({term})[2]::int <> 1 THEN 's' ELSE '' END END), ''), {value})
        END
    ELSE {value} END"""


# Reports of the detainee `d` (a CTE of one row): the last word of each source on each
# date, ranked in date order within each subject (fact, extradition, sentence); for facts
# that change, only the reports of the latest date are in play.
FACTS = f"""
rep AS (
    SELECT DISTINCT ON (r.fact, r.extradition_id, r.sentence_id, r.source_id, r.as_of,
        r.as_of_precision) r.*
    FROM cases_factreport r JOIN d ON r.detainee_id = d.id
    ORDER BY r.fact, r.extradition_id, r.sentence_id, r.source_id, r.as_of,
        r.as_of_precision, r.id DESC
),
ranked AS (
    SELECT rep.*,
        row_number() OVER (PARTITION BY fact, extradition_id, sentence_id
            ORDER BY as_of ASC NULLS FIRST, id) AS pos,
        first_value(as_of) OVER latest AS top_as_of,
        first_value(as_of_precision) OVER latest AS top_precision
    FROM rep
    WINDOW latest AS (PARTITION BY fact, extradition_id, sentence_id
        ORDER BY as_of DESC NULLS LAST, id DESC)
),
in_play AS (
    SELECT * FROM ranked
    WHERE fact NOT IN {CHANGING}
        OR (as_of IS NOT DISTINCT FROM top_as_of AND as_of_precision = top_precision)
),
alternative AS (
    SELECT fact, extradition_id, sentence_id, value, min(pos) AS first_pos,
        json_build_object('value', value, 'label', {fact_label("fact", "value")},
            'sources', json_agg(json_build_object(
                'source', ip.source_id,
                'title', CASE WHEN ip.source_id IS NULL THEN 'Entered by a caseworker'
                    ELSE s.title END,
                'outlet', COALESCE(s.outlet, ''), 'url', COALESCE(s.url, ''),
                'published_on', {pdate("s.published_on")},
                'as_of', {pdate("ip.as_of")}, 'quote', ip.quote) ORDER BY ip.pos)) AS o
    FROM in_play ip LEFT JOIN cases_source s ON s.id = ip.source_id CROSS JOIN lab
    GROUP BY fact, extradition_id, sentence_id, value, lab.l, lab.c
),
subject AS (
    SELECT a.fact, a.extradition_id, a.sentence_id,
        json_agg(a.o ORDER BY a.first_pos) AS alternatives,
        CASE WHEN a.fact = 'date_of_birth' THEN EXISTS (
                SELECT 1 FROM alternative x JOIN alternative y
                    ON (x.fact, x.extradition_id, x.sentence_id)
                        IS NOT DISTINCT FROM (y.fact, y.extradition_id, y.sentence_id)
                WHERE x.fact = a.fact AND x.extradition_id IS NULL AND x.sentence_id IS NULL
                    AND NOT (x.value LIKE y.value || '%%' OR y.value LIKE x.value || '%%'))
            ELSE count(*) > 1 END AS disputed,
        (array_agg(a.value ORDER BY a.first_pos))[1] AS first_value
    FROM alternative a
    GROUP BY a.fact, a.extradition_id, a.sentence_id
),
latest AS (
    SELECT DISTINCT ON (fact, extradition_id, sentence_id) fact, extradition_id,
        sentence_id, value, {pdate("as_of")} AS as_of
    FROM in_play ORDER BY fact, extradition_id, sentence_id, pos DESC
),
state AS (
    SELECT sub.fact, sub.extradition_id, sub.sentence_id, sub.disputed, sub.alternatives,
        CASE WHEN sub.disputed THEN ch.id END AS choice_id,
        CASE
            WHEN sub.fact IN {CHANGING} THEN
                CASE WHEN sub.disputed AND ch.value IN (
                    SELECT value FROM alternative al WHERE (al.fact, al.extradition_id,
                        al.sentence_id) IS NOT DISTINCT FROM
                        (sub.fact, sub.extradition_id, sub.sentence_id))
                THEN ch.value ELSE lt.value END
            WHEN sub.disputed AND ch.id IS NOT NULL THEN ch.value
            ELSE COALESCE(
                CASE WHEN sub.fact = 'date_of_birth' THEN {pdate("d.date_of_birth")}
                    WHEN sub.fact = 'sentence_term' THEN (
                        SELECT CASE WHEN se.is_life THEN 'life'
                            WHEN COALESCE(se.term_years, 0) = 0
                                AND COALESCE(se.term_months, 0) = 0 THEN NULL
                            ELSE 'P' || CASE WHEN se.term_years > 0
                                    THEN se.term_years || 'Y' ELSE '' END
                                || CASE WHEN se.term_months > 0
                                    THEN se.term_months || 'M' ELSE '' END END
                        FROM cases_sentence se
                        JOIN cases_case sc ON sc.id = se.case_id
                        WHERE se.id = sub.sentence_id AND se.archived_at IS NULL
                            AND sc.archived_at IS NULL)
                END, sub.first_value)
        END AS value,
        CASE WHEN sub.fact IN {CHANGING} THEN lt.as_of END AS as_of
    FROM subject sub CROSS JOIN d
    JOIN latest lt ON (lt.fact, lt.extradition_id, lt.sentence_id)
        IS NOT DISTINCT FROM (sub.fact, sub.extradition_id, sub.sentence_id)
    LEFT JOIN cases_factchoice ch ON ch.detainee_id = d.id AND ch.fact = sub.fact
        AND ch.extradition_id IS NOT DISTINCT FROM sub.extradition_id
        AND ch.sentence_id IS NOT DISTINCT FROM sub.sentence_id
),
fact_json AS (
    SELECT st.fact, st.extradition_id, st.sentence_id, st.disputed, st.alternatives,
        json_build_object('value', st.value, 'label', {fact_label("st.fact", "st.value")},
            'as_of', st.as_of, 'disputed', st.disputed, 'alternatives', st.alternatives,
            'chosen', (SELECT json_build_object('value', ch.value, 'reason', ch.reason,
                    'chosen_by', (SELECT cu.username FROM auth_user cu
                        WHERE cu.id = ch.chosen_by_id),
                    'chosen_at', {timestamp("ch.chosen_at")})
                FROM cases_factchoice ch WHERE ch.id = st.choice_id)) AS o
    FROM state st CROSS JOIN lab
)"""


def _disputable(fact: str, extradition: str, sentence: str) -> str:
    match = (
        f"fj.fact = '{fact}' AND fj.extradition_id IS NOT DISTINCT FROM {extradition} "
        f"AND fj.sentence_id IS NOT DISTINCT FROM {sentence}"
    )
    return (
        f"'disputed', COALESCE((SELECT fj.disputed FROM fact_json fj WHERE {match}), false), "
        f"'alternatives', COALESCE((SELECT fj.alternatives FROM fact_json fj WHERE {match}), "
        "'[]'::json)"
    )


def _term_display(alias: str) -> str:
    return (
        f"CASE WHEN {alias}.is_life THEN 'life' ELSE concat_ws(' ', "
        f"CASE WHEN {alias}.term_years > 0 THEN {alias}.term_years || ' year' "
        f"|| CASE WHEN {alias}.term_years <> 1 THEN 's' ELSE '' END END, "
        f"CASE WHEN {alias}.term_months > 0 THEN {alias}.term_months || ' month' "
        f"|| CASE WHEN {alias}.term_months <> 1 THEN 's' ELSE '' END END) END"
    )


CHARGE = f"""json_build_object('id', ch.id, 'version', ch.version, 'case', ch.case_id,
    'description', ch.description, 'statute', ch.statute, 'category', ch.category,
    'category_label', {label("charge_category", "ch.category")},
    'disposition', ch.disposition,
    'disposition_label', {label("charge_disposition", "ch.disposition")},
    'max_penalty_years', ch.max_penalty_years, 'as_of', {pdate("ch.as_of")})"""

SENTENCE = f"""json_build_object('id', se.id, 'version', se.version, 'case', se.case_id,
    'court', se.court, 'sentenced_on', {pdate("se.sentenced_on")},
    'term_years', se.term_years, 'term_months', se.term_months, 'is_life', se.is_life,
    'term_display', {_term_display("se")}, 'fine_amount', se.fine_amount::text,
    'fine_currency', se.fine_currency, 'time_served_credit_days', se.time_served_credit_days,
    'expected_release_on', {pdate("se.expected_release_on")}, 'notes', se.notes,
    {_disputable("sentence_term", "NULL::int", "se.id")})"""

CASE = f"""json_build_object('id', c.id, 'version', c.version, 'detainee', c.detainee_id,
    'detainee_name', d.full_name, 'country', {country("c.country")}, 'court', c.court,
    'case_number', c.case_number, 'arrested_on', {pdate("c.arrested_on")},
    'arrest_place', c.arrest_place, 'arrest_country', {country("c.arrest_country")},
    'arrest_requested_by', {country("c.arrest_requested_by")},
    'status', c.status, 'status_label', {label("case_status", "c.status")},
    'summary', c.summary,
    'charges', COALESCE((SELECT json_agg({CHARGE} ORDER BY ch.id) FROM cases_charge ch
        WHERE ch.case_id = c.id AND ch.archived_at IS NULL), '[]'::json),
    'sentences', COALESCE((SELECT json_agg({SENTENCE}
        ORDER BY se.sentenced_on DESC, se.id DESC) FROM cases_sentence se
        WHERE se.case_id = c.id AND se.archived_at IS NULL), '[]'::json),
    'created_at', {timestamp("c.created_at")},
    'sources', {citations("cases_casecitation", "case_id", "c.id")})"""

CUSTODY = f"""json_build_object('id', cp.id, 'version', cp.version, 'detainee', cp.detainee_id,
    'detainee_name', d.full_name, 'facility', {facility_brief("cf")},
    'started_on', {pdate("cp.started_on")}, 'ended_on', {pdate("cp.ended_on")},
    'is_current', cp.ended_on IS NULL)"""

EXTRADITION = f"""json_build_object('id', e.id, 'version', e.version, 'detainee', e.detainee_id,
    'detainee_name', d.full_name, 'case', e.case_id,
    'from_country', {country("e.from_country")}, 'to_country', {country("e.to_country")},
    'arrested_on', {pdate("e.arrested_on")}, 'decided_on', {pdate("e.decided_on")},
    'surrendered_on', {pdate("e.surrendered_on")}, 'status', e.status,
    'status_label', {label("extradition_status", "e.status")}, 'notes', e.notes,
    {_disputable("extradition_status", "e.id", "NULL::int")})"""

LATEST_VISIT = f"""(SELECT CASE WHEN who.can_sensitive
        THEN (vo.o::jsonb || jsonb_build_object('observations', v.observations))::json
        ELSE vo.o END
    FROM consular_consularvisit v LEFT JOIN cases_facility vf ON vf.id = v.facility_id
    CROSS JOIN LATERAL (SELECT json_build_object('id', v.id,
        'visited_on', {pdate("v.visited_on")}, 'visitors', v.visitors, 'kind', v.kind,
        'outcome', v.outcome,
        'facility', CASE WHEN vf.id IS NULL THEN NULL ELSE {facility_brief("vf")} END,
        'follow_up', v.follow_up) AS o) vo
    WHERE v.detainee_id = d.id AND v.outcome = 'completed' AND v.archived_at IS NULL
    ORDER BY v.visited_on DESC, v.id DESC LIMIT 1)"""

DETAIL_EXTRA = f"""json_build_object(
    'nationalities', COALESCE((SELECT json_agg(json_build_object('code', n.country,
            'name', COALESCE(lab.c ->> n.country, ''), 'as_of', {pdate("n.as_of")})
            ORDER BY n.country)
        FROM cases_nationality n WHERE n.detainee_id = d.id), '[]'::json),
    'sex', d.sex, 'sex_label', {label("sex", "d.sex")},
    'date_of_birth', {pdate("d.date_of_birth")},
    'name_variants', COALESCE((SELECT json_agg(json_build_object('id', nv.id,
            'version', nv.version, 'detainee', nv.detainee_id, 'name', nv.name,
            'as_of', {pdate("nv.as_of")},
            'script', CASE WHEN EXISTS (SELECT 1 FROM regexp_split_to_table(nv.name, '') ch
                WHERE ascii(ch) >= 592 AND ch ~ '[[:alpha:]]') THEN 'other script'
                ELSE 'Latin' END) ORDER BY nv.name)
        FROM cases_namevariant nv WHERE nv.detainee_id = d.id), '[]'::json),
    'tags', COALESCE((SELECT json_agg(t.name ORDER BY t.name) FROM cases_detainee_tags dt
        JOIN cases_tag t ON t.id = dt.tag_id WHERE dt.detainee_id = d.id), '[]'::json),
    'cases', COALESCE((SELECT json_agg({CASE} ORDER BY c.arrested_on DESC, c.id DESC)
        FROM cases_case c WHERE c.detainee_id = d.id AND c.archived_at IS NULL), '[]'::json),
    'custody_periods', COALESCE((SELECT json_agg({CUSTODY}
            ORDER BY cp.started_on DESC, cp.id DESC)
        FROM cases_custodyperiod cp JOIN cases_facility cf ON cf.id = cp.facility_id
        WHERE cp.detainee_id = d.id AND cp.archived_at IS NULL), '[]'::json),
    'extraditions', COALESCE((SELECT json_agg({EXTRADITION}
            ORDER BY e.surrendered_on DESC, e.id DESC)
        FROM cases_extradition e WHERE e.detainee_id = d.id AND e.archived_at IS NULL),
        '[]'::json),
    'latest_visit', {LATEST_VISIT},
    'sources', {citations("cases_detaineecitation", "detainee_id", "d.id")},
    'facts', COALESCE((SELECT json_object_agg(fj.fact, fj.o) FROM fact_json fj
        WHERE fj.extradition_id IS NULL AND fj.sentence_id IS NULL), '{{}}'::json),
    'created_at', {timestamp("d.created_at")})"""

DETAINEE_DETAIL = f"""
WITH {WHO},
d AS (
    SELECT d.* FROM cases_detainee d CROSS JOIN who
    WHERE d.id = %(id)s::int AND who.can_read AND {VISIBLE}
),
{FACTS}
SELECT who.can_read,
    (SELECT (({WITH_SENSITIVE})::jsonb || ({DETAIL_EXTRA})::jsonb)::text
        FROM d CROSS JOIN lab {LAST_VISIT} CROSS JOIN LATERAL (SELECT {LIST_ROW} AS o) r),
    ARRAY(SELECT d.id FROM d WHERE {SHOWS_SENSITIVE}),
    ARRAY(SELECT v.id FROM d JOIN consular_consularvisit v ON v.detainee_id = d.id
        WHERE who.can_sensitive AND v.observations <> '' AND v.id = (
            SELECT lv2.id FROM consular_consularvisit lv2
            WHERE lv2.detainee_id = d.id AND lv2.outcome = 'completed'
                AND lv2.archived_at IS NULL
            ORDER BY lv2.visited_on DESC, lv2.id DESC LIMIT 1))
FROM who
"""
