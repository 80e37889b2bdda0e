"""The official SOP 2 documents as export specs: the period form and the one-page record per request.

Their fixed text is Bahasa Indonesia whatever the screen language: they reproduce the office's
paper form ("Formulir Pencatatan Pemberian Remote Akses"), which is signed and filed as is.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from lpsedesk import remote_ops, settings
from lpsedesk.clock import wib_date
from lpsedesk.exports import DocumentSpec, Period, Signatory, indonesian_date, indonesian_datetime
from lpsedesk.models import RemoteAccessRequest

FORM_TITLE = "Formulir Pencatatan Pemberian Remote Akses"
FORM_COLUMNS = ["No.", "Nama", "Instansi", "Username", "Hak Akses", "Tujuan", "Waktu Pemberian",
                "Waktu Penutupan"]
FORM_WIDTHS = [0.6, 1.8, 2.0, 1.3, 1.6, 2.6, 1.5, 1.5]
NOT_CLOSED = "Belum ditutup"
PAST_END = "melewati batas persetujuan"
TOLD_STEP = "Pemberitahuan penolakan"
# each begins the record's "Penutupan akun" line, so it begins as a sentence does (h40w: "pekerjaan selesai.")
CLOSE_KINDS = {"finished": "Pekerjaan selesai", "expired": "Ditutup setelah batas waktu",
               "superseded": "Diganti perpanjangan"}
CLOSE_NOTE = "Catatan penutupan"


def _office(session: Session) -> dict:
    values = settings.get_all(session)
    signatory = Signatory(title=str(values["signatory_title"]), name=str(values["signatory_name"]),
                          rank=str(values["signatory_rank"]), nip=str(values["signatory_nip"]))
    return {"lpse_name": str(values["lpse_name"]), "place": str(values["lpse_place"]), "signatory": signatory}


def _closing(req: RemoteAccessRequest, now: datetime) -> str:
    if req.closed_at:
        return indonesian_datetime(req.closed_at)
    # h40w: an account still open after the end the Kasubag approved read "Belum ditutup" like one
    # within its period; the printed form is what the auditor reads, so it says so where the closing goes
    if remote_ops.is_overdue(req, now):
        return f"{NOT_CLOSED} ({PAST_END} {indonesian_datetime(req.approved_until)})"
    return NOT_CLOSED


def form_row(number: int, req: RemoteAccessRequest, now: datetime) -> list[str]:
    return [str(number), req.requester_name, req.instansi, req.username or "", req.rights_granted or "",
            req.purpose, indonesian_datetime(req.granted_at), _closing(req, now)]


def form_spec(session: Session, period: Period, today: datetime) -> DocumentSpec:
    """Every account open at some moment of `period`, in the order given; `today` is now (UTC)."""
    lo, hi = period.utc_bounds()
    rows = remote_ops.register_rows(session, lo, hi)
    still_open = sum(1 for r in rows if r.closed_at is None)
    overdue = sum(1 for r in rows if remote_ops.is_overdue(r, today))
    summary = [f"Jumlah pemberian remote akses: {len(rows)} (ditutup: {len(rows) - still_open}, "
               f"belum ditutup: {still_open})"]
    if overdue:
        summary.append(f"Belum ditutup dan {PAST_END}: {overdue}")
    return DocumentSpec(
        title=FORM_TITLE, subtitle=f"Periode: {period.label}", columns=FORM_COLUMNS,
        rows=[form_row(i, r, today) for i, r in enumerate(rows, start=1)], widths=FORM_WIDTHS,
        signed_on=wib_date(today), orientation="landscape",
        summary=summary,
        empty_text="Tidak ada pemberian remote akses pada periode ini.",
        file_stem=f"formulir-remote-akses-{period.slug}", **_office(session))


def _by(user, label: str | None = None) -> str:
    return label or (user.full_name if user is not None else "")


def _closed_how(req: RemoteAccessRequest) -> str:
    """How the account was closed, and the Admin's note on a line of its own, as the request's page says
    them (h44u, h45u): "Pekerjaan selesai. Pekerjaan sudah selesai ..." joined in one sentence read twice
    over. A superseded account's note is its extension's number, kept beside the kind."""
    kind = CLOSE_KINDS.get(req.close_kind or "", "")
    if req.close_kind == "superseded":
        return f"{kind} ({req.close_note})" if req.close_note else kind
    lines = [kind] if kind else []
    if req.close_note:
        lines.append(f"{CLOSE_NOTE}: {req.close_note}")
    return "\n".join(lines) or "-"


def record_rows(req: RemoteAccessRequest, now: datetime) -> list[list[str]]:
    rows = [
        ["Pemohon", f"{req.requester_name} ({req.instansi})", "", ""],
        ["Surat permohonan", f"No. {req.letter_number} tanggal {indonesian_date(req.letter_date)}",
         indonesian_datetime(req.recorded_at), _by(req.recorded_by)],
        ["Tujuan", req.purpose, "", ""],
        ["Hak akses diminta", req.rights_requested, "", ""],
        ["Periode diminta", f"{indonesian_datetime(req.period_start)} s.d. {indonesian_datetime(req.period_end)}",
         "", ""],
    ]
    if req.extends_id:
        rows.append(["Perpanjangan dari", f"Permohonan No. {req.extends_id}", "", ""])
    if req.decided_at:
        if req.status == "denied":
            decision = f"Ditolak. Alasan: {req.decision_reason or '-'}"
        else:
            decision = f"Disetujui sampai {indonesian_datetime(req.approved_until)}"
        who = _by(req.decided_by, req.decided_by_label)
        if req.decided_on_behalf_of_id and req.decided_by_label:
            who = f"{who} (Plh./Plt.)"
        rows.append(["Keputusan Kasubag", decision, indonesian_datetime(req.decided_at), who])
        # h35r: the Admin answers a refused letter; h36e: the answer (or that it is still owed) on paper too
        if req.refusal_told_at:
            told = f"Pihak ketiga diberi tahu. Cara: {req.refusal_told_note}" if req.refusal_told_note \
                else "Pihak ketiga diberi tahu"
            rows.append([TOLD_STEP, told, indonesian_datetime(req.refusal_told_at), _by(req.refusal_told_by)])
        elif remote_ops.awaits_telling(req):
            rows.append([TOLD_STEP, "Pihak ketiga belum diberi tahu", "", ""])
    else:
        rows.append(["Keputusan Kasubag", "Menunggu keputusan", "", ""])
    if req.granted_at:
        rows.append(["Pemberian akun", f"Username: {req.username}; Hak akses: {req.rights_granted or '-'}",
                     indonesian_datetime(req.granted_at), _by(req.granted_by)])
    if req.closed_at:
        rows.append(["Penutupan akun", _closed_how(req), indonesian_datetime(req.closed_at), _by(req.closed_by)])
    elif req.granted_at:
        # h40w: an open account's record said nothing of its closing, even when past the approved end
        rows.append(["Penutupan akun", _closing(req, now), "", ""])
    return rows


def record_spec(session: Session, req: RemoteAccessRequest, today: datetime) -> DocumentSpec:
    return DocumentSpec(
        title="Catatan Pemberian Remote Akses (SOP 2)",
        subtitle=f"Permohonan No. {req.id}", columns=["Tahap", "Keterangan", "Waktu", "Oleh"],
        rows=record_rows(req, today), widths=[1.3, 3.2, 1.6, 1.6], orientation="portrait",
        signed_on=wib_date(today), centered=(), file_stem=f"catatan-remote-akses-{req.id}",
        **_office(session))
