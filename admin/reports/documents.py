"""The reports as `lpsedesk.exports` documents: columns and labels in the user's language."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from flask_babel import get_locale
from flask_babel import gettext as _

from lpsedesk import settings as office
from lpsedesk.clock import clock_text, wib_today
from lpsedesk.exports import DocumentSpec, Period, Signatory
from lpsedesk.extensions import db
from lpsedesk.labels import category_label, decision_label, ktp_seen_label, status_label
from lpsedesk.reports.guestbook import GuestBookRow, Tally
from lpsedesk.reports.statistics import Statistics
from lpsedesk.reports.visit_report import ReportedVisit

from .area_text import area_text



def choices() -> dict[str, dict[str, str]]:
    """Purpose and facility labels read once per document (not one query per row)."""
    values, locale = office.get_all(db.session), str(get_locale())
    return {kind: {str(item.get("key")): office.choice_label(values[kind], str(item.get("key")), locale)
                   for item in values[kind]} for kind in ("purposes", "facilities")}


def labeller():
    names = choices()
    return lambda kind, key: names[kind].get(key, key)


def memo(label):
    """`label` called once per distinct key: a long document would otherwise translate per row."""
    cache: dict[str, str] = {}
    return lambda key: cache[key] if key in cache else cache.setdefault(key, label(key))


def duration_text(value: timedelta | None) -> str:
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    if minutes < 60:
        return _("%(n)d min", n=minutes)
    return _("%(h)d h %(m)d min", h=minutes // 60, m=minutes % 60)


def stay_text(visit: ReportedVisit) -> str:
    """The visit report's stay: its length, or "never let in" for a visitor who left without coming in
    (h40p: an empty cell read as a stay not yet known)."""
    return _("never let in") if visit.never_let_in else duration_text(visit.stay)


hhmm = clock_text  # the guest book's and the visit report's times: 21:01, as every screen writes them


def decision_text(row: GuestBookRow) -> str:
    text = decision_label(row.decision)
    if row.decided_by:
        text += f" ({row.decided_by})"
    if row.decision == "denied" and row.decision_reason:
        text += f": {row.decision_reason}"
    return text


def _document(title: str, stem: str, period: Period, columns, rows, widths, summary) -> DocumentSpec:
    values = office.get_all(db.session)
    return DocumentSpec(
        title=title, subtitle=_("Period: %(label)s", label=period.label), lpse_name=str(values["lpse_name"]),
        columns=columns, rows=rows, widths=widths, place=str(values["lpse_place"]), signed_on=wib_today(),
        signatory=Signatory(title=str(values["signatory_title"]), name=str(values["signatory_name"]),
                            rank=str(values["signatory_rank"]), nip=str(values["signatory_nip"])),
        orientation="landscape", summary=summary, empty_text=_("No data in this period."),
        page_label=_("Page {page} of {total}"), file_stem=f"{stem}-{period.slug}")


GUESTBOOK_SIGNATURE_COLUMN = 13  # index of the "Signature" column in the guest book


def guestbook_spec(rows: Iterable[GuestBookRow], period: Period, counts: Tally) -> DocumentSpec:
    """The guest book as a document; `rows` may be a generator (CSV and XLSX stream it), the
    summary line comes from the database's counts."""
    choice, category, decision = labeller(), memo(category_label), memo(decision_label)
    ktp = memo(ktp_seen_label)
    # h44w: "KTP" says how the visitor's KTP was seen, as the core decides (visit_ops.ktp_seen)
    columns = [_("No."), _("Date"), _("Name"), _("NIK"), _("KTP"), _("Institution"), _("Category"), _("Purpose"),
               _("Facility"), _("Time in"), _("Time out"), _("Decision"), _("Note"), _("Signature")]
    signed = _("signed")
    cells = ([
        str(r.number), r.day.strftime("%d/%m/%Y"), r.name, r.nik, ktp(r.ktp_seen), r.institution, category(r.category),
        choice("purposes", r.purpose) + (f" ({r.purpose_detail})" if r.purpose_detail else ""),
        choice("facilities", r.facility), hhmm(r.time_in), hhmm(r.time_out),
        decision(r.decision) + (f"\n{r.decided_by}" if r.decided_by else ""),
        "\n".join(filter(None, [r.decision_reason if r.decision in ("denied", "cancelled", "expired") else "",
                                 area_text(r.area)])),  # issue 15: escort, area times, devices
        signed if r.signature_key else "-",
    ] for r in rows)
    # "No." holds a five-digit number on one line (a busy month of a province-wide desk); "Note" keeps
    # an escort's name whole ("Pendamping" was cut when the KTP column came in: its two short values wrap)
    widths = [0.62, 1.02, 1.45, 1.6, 0.95, 1.45, 1.0, 1.1, 1.25, 0.68, 0.68, 1.4, 1.3, 1.05]
    summary = [_("Visitors: %(n)d; approved: %(a)d; refused: %(d)d.", n=counts.visits, a=counts.approved,
                 d=counts.denied),
               _("Times in WIB. NIKs are masked unless an Admin exported them in full.")]
    return _document(_("Guest book").upper(), "buku-tamu", period, columns, cells, widths, summary)


def visit_report_spec(visits: list[ReportedVisit], period: Period) -> DocumentSpec:
    choice = labeller()
    # h23k: "Time in" is when the visitor was let in (the stay counts from it); the arrival at the kiosk
    # before the Kasubag's permission has its own column. h44w: "KTP" as in the guest book.
    columns = [_("No."), _("Date"), _("Name"), _("KTP"), _("Institution"), _("Purpose"), _("Facility"), _("Arrived"),
               _("Time in"), _("Time out"), _("Stay"), _("Notes"), _("Incidents"), _("Reported by")]

    def lines(notes) -> str:
        return "\n".join(f"{clock_text(n.at)} {n.body}" + (f" ({n.author})" if n.author else "") for n in notes)

    cells = [[
        str(v.number), v.arrived.strftime("%d/%m/%Y"), v.name, ktp_seen_label(v.ktp_seen), v.institution,
        choice("purposes", v.purpose), choice("facilities", v.facility), hhmm(v.arrived), hhmm(v.time_in),
        hhmm(v.time_out), stay_text(v), lines(v.plain_notes), lines(v.incidents), v.reported_by,
    ] for v in visits]
    widths = [0.55, 1.3, 1.3, 1.1, 1.35, 1.15, 1.25, 0.9, 0.9, 0.9, 0.95, 1.6, 1.4, 1.3]
    incidents = sum(len(v.incidents) for v in visits)
    summary = [_("Finished visits reported: %(n)d; incidents: %(i)d.", n=len(visits), i=incidents)]
    # fourteen columns since h44w's "KTP": the guest book's smaller type, or "Datang" broke inside its word
    return replace(_document(_("Visit report").upper(), "laporan-kunjungan", period, columns, cells, widths, summary),
                   compact=True)


def statistics_spec(figures: Statistics, named: dict[str, list[tuple[str, str]]]) -> DocumentSpec:
    """The statistics page's figures as one table (figure, item, value), the same numbers as shown."""
    columns = [_("Figure"), _("Item"), _("Value")]
    rows = [[figure, item, value] for figure, pairs in named.items() for item, value in pairs]
    return _document(_("Visit statistics"), "statistik-kunjungan", figures.period, columns, rows,
                     [2, 3, 1], [])
