"""The kiosk guest book in plain Python (lpsedesk/checkin.py), expectations from the kiosk's own form
(docs/kiosk.md, templates/kiosk/_form.html limits, the API contract) and from Indonesian numbering.

An Indonesian mobile number is 08 followed by 8 to 11 digits (10 to 13 digits in all), written
+62 8... or 62 8... internationally; people type it in groups with spaces, dashes, dots or brackets.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk import checkin
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit
from lpsedesk.roles import Actor, Role, kiosk_actor

from .. import factories

PURPOSES = [{"key": "verification"}, {"key": "training"}, {"key": "other"}]
FACILITIES = [{"key": "verification_desk"}, {"key": "training_room"}]
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)
NIK = "3373021708450001"  # Salatiga, Tingkir; a man born 17-08-1945; serial 0001


def entry(**overrides) -> checkin.GuestEntry:
    data = dict(full_name="Sari Uji Coba", nik=NIK, phone="0812-3456-0001", email="", institution="CV Contoh",
                category="penyedia", purpose="verification", facility="verification_desk", planned_minutes=60,
                rules_accepted=True)
    data.update(overrides)
    return checkin.GuestEntry.from_mapping(data)


def problems(**overrides) -> dict[str, str]:
    return checkin.validate(entry(**overrides), purposes=PURPOSES, facilities=FACILITIES)


# --- the phone number ----------------------------------------------------------------------------

@pytest.mark.parametrize("phone", [
    "08" + "1" * 8, "08" + "1" * 11,                # the shortest and the longest mobile number
    "+62 8" + "1" * 9, "628" + "1" * 9,             # international forms
    "0812 3456 7890", "0812-3456-7890", "(0812) 3456.7890",
])
def test_an_indonesian_mobile_number_in_any_usual_writing_is_accepted(phone):
    assert problems(phone=phone) == {}


@pytest.mark.parametrize("phone", [
    "08" + "1" * 7,        # one digit short
    "08" + "1" * 12,       # one digit too many
    "0812345",             # 08 and five digits
    "+62 8" + "1" * 12,
    "0218765432",          # a Jakarta landline (021), not a mobile
    "812345678",           # no leading 0 or country code
    "+6508123456789",      # a Singapore prefix
    "0812-3456-789O",      # a letter O for a zero
    "x0812345678", "0812345678x",
])
def test_anything_else_is_refused_as_a_phone_number(phone):
    assert problems(phone=phone) == {"phone": "phone_format"}


def test_a_missing_phone_number_is_asked_for_not_called_malformed():
    assert problems(phone="") == {"phone": "required"}
    assert problems(phone=" - ") == {"phone": "required"}


def test_the_number_is_kept_without_the_spaces_and_dashes_people_type():
    assert checkin.clean_phone("(0812) 3456-78.90") == "081234567890"
    assert checkin.clean_phone("+62 812 3456 7890") == "+6281234567890"
    assert checkin.clean_phone(None) == ""


# --- the rest of the form ------------------------------------------------------------------------

def test_a_complete_entry_has_no_problems():
    assert problems() == {}


def test_every_problem_is_reported_at_once():
    everything_wrong = problems(full_name="", nik="", phone="", institution="", category="", purpose="",
                                facility="", planned_minutes=None, rules_accepted=False, email="not-an-address")
    assert everything_wrong == {
        "full_name": "required", "nik": "required", "phone": "required", "email": "email_format",
        "institution": "required", "category": "choose", "purpose": "choose", "facility": "choose",
        "planned_minutes": "choose", "rules_accepted": "rules"}


@pytest.mark.parametrize("name,code", [
    ("", "required"), ("   ", "required"), ("A", "required"), ("Al", None), ("  Al  ", None),
    ("A" * 120, None), ("A" * 121, "too_long"), ("A  " * 40 + "B", None),  # runs of spaces count as one
])
def test_a_name_has_at_least_two_letters_and_fits_the_form(name, code):
    # the kiosk form takes at most 120 characters
    assert problems(full_name=name).get("full_name") == code


@pytest.mark.parametrize("institution,code", [
    ("", "required"), ("  ", "required"), ("X", None), ("I" * 160, None), ("I" * 161, "too_long"),
    ("PT   Contoh " + "I" * 150, None),  # runs of spaces count as one
])
def test_an_institution_is_required_and_fits_the_form(institution, code):
    assert problems(institution=institution).get("institution") == code


@pytest.mark.parametrize("email,ok", [
    ("", True), ("  ", True), ("sari@contoh.co.id", True), (" sari@contoh.co.id ", True), ("a@b.id", True),
    ("sari@contoh", False), ("sari.contoh.co.id", False), ("sari@@contoh.co.id", False), ("sari @contoh.co.id", False),
    ("@contoh.co.id", False), ("sari@contoh.c", False), ("sari@.id", False),
    ("s" * 64 + "@contoh.id", True), ("s" * 65 + "@contoh.id", False),   # a mailbox name has at most 64 characters
    ("s@" + "c" * 115 + ".id", True), ("s@" + "c" * 116 + ".id", False),  # the form takes at most 120
])
def test_an_email_address_is_optional_but_must_be_one(email, ok):
    assert problems(email=email).get("email") == (None if ok else "email_format")


@pytest.mark.parametrize("nik,code", [
    ("", "required"), ("  ", "required"), ("33730217084500", "nik_length"), ("3373021708450000", "nik_serial"),
    ("3373023208450001", "nik_date"), ("9973021708450001", "nik_region"), ("337302170845O001", "nik_digits"),
])
def test_the_nik_problem_is_named(nik, code):
    assert problems(nik=nik).get("nik") == code


@pytest.mark.parametrize("category", ["penyedia", "pokja", "ppk", "pa_kpa", "apip", "opd", "public", "other"])
def test_every_visitor_category_of_the_api_contract_is_accepted(category):
    assert problems(category=category) == {}


@pytest.mark.parametrize("category", ["", "vendor", "Penyedia"])
def test_an_unknown_category_must_be_chosen_again(category):
    assert problems(category=category) == {"category": "choose"}


def test_purpose_and_facility_come_from_the_offices_lists():
    assert problems(purpose="training", facility="training_room") == {}
    assert problems(purpose="holiday") == {"purpose": "choose"}
    assert problems(facility="rooftop") == {"facility": "choose"}


def test_the_purpose_other_needs_a_description_of_at_most_500_characters():
    assert problems(purpose="other") == {"purpose_detail": "required"}
    assert problems(purpose="other", purpose_detail="   ") == {"purpose_detail": "required"}
    assert problems(purpose="other", purpose_detail="Mengambil dokumen") == {}
    assert problems(purpose="other", purpose_detail="d" * 500) == {}
    assert problems(purpose="other", purpose_detail="d" * 501) == {"purpose_detail": "too_long"}
    assert problems(purpose="verification", purpose_detail="d" * 501) == {"purpose_detail": "too_long"}


@pytest.mark.parametrize("minutes", [30, 60, 120, 240, 480, "120"])
def test_the_planned_duration_is_one_of_the_offered_choices(minutes):
    assert problems(planned_minutes=minutes) == {}


@pytest.mark.parametrize("minutes", [0, 45, 90, 600, -30, "", "sejam", None])
def test_any_other_duration_must_be_chosen_again(minutes):
    assert problems(planned_minutes=minutes) == {"planned_minutes": "choose"}


@pytest.mark.parametrize("accepted", [False, "true", 1, None])
def test_the_house_rules_are_accepted_only_by_an_explicit_yes(accepted):
    assert problems(rules_accepted=accepted) == {"rules_accepted": "rules"}


def test_an_entry_read_from_json_turns_numbers_into_text_and_ignores_unknown_keys():
    read = checkin.GuestEntry.from_mapping({"full_name": "Sari", "nik": 3373021708450001, "phone": None,
                                            "admin": True, "planned_minutes": 60, "locale": "en"})
    assert (read.full_name, read.nik, read.phone, read.planned_minutes, read.locale) == \
        ("Sari", "3373021708450001", "", 60, "en")
    assert checkin.GuestEntry.from_mapping({}).locale == "id"


# --- tickets ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw,code", [
    ("abcd2345", "ABCD2345"), (" ab-cd 23.45 ", "ABCD2345"), ("ABCD2345", "ABCD2345"),
    ("AB", None), ("", None), (None, None), ("A" * 13, None), ("A" * 12, "A" * 12),
])
def test_a_ticket_is_read_whatever_its_case_and_separators(raw, code):
    assert checkin.normalise_ticket(raw) == code


# --- with the database: submit, recall, check out --------------------------------------------------

@pytest.fixture
def kiosk(app):
    with app.app_context():
        yield Actor("kiosk", 7, "Kiosk Lobi", frozenset({Role.KIOSK}))


def submit(actor, **overrides) -> Visit:
    return checkin.submit(db.session, actor, entry(**overrides), purposes=PURPOSES, facilities=FACILITIES,
                          device_id=None, id_capture_key="ktp/2026/11/" + "k" * 20,
                          signature_key="sig/2026/11/" + "s" * 20, now=NOW)


def test_a_submitted_entry_becomes_a_pending_visit_with_the_guest_book_as_typed(kiosk):
    visit = submit(kiosk, full_name="  sari   uji  coba ", nik="3373 0217 0845 0001", phone="0812-3456-0001",
                   email=" sari@contoh.co.id ", institution=" CV   Contoh ", purpose="other",
                   purpose_detail="  Ambil dokumen ", planned_minutes="120", locale="en")
    assert (visit.status, visit.submitted_at, visit.rules_accepted_at) == ("pending", NOW, NOW)
    assert (visit.purpose, visit.purpose_detail, visit.facility, visit.planned_minutes, visit.locale) == \
        ("other", "Ambil dokumen", "verification_desk", 120, "en")
    assert (visit.id_capture_key, visit.signature_key) == ("ktp/2026/11/" + "k" * 20, "sig/2026/11/" + "s" * 20)
    person = visit.visitor
    assert (person.full_name, person.nik, person.phone, person.email, person.institution, person.category) == \
        ("SARI UJI COBA", "3373021708450001", "081234560001", "sari@contoh.co.id", "CV Contoh", "penyedia")
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_type == "visit",
                                                        AuditEvent.object_id == visit.id)).one()
    assert (event.action, event.actor_type, event.at) == ("visit.submitted", "kiosk", NOW)
    assert event.details == {"ticket": visit.ticket_code, "facility": "verification_desk", "via": "kiosk"}


def test_optional_fields_left_empty_are_stored_as_nothing(kiosk):
    visit = submit(kiosk, email="", purpose_detail="   ")
    assert visit.visitor.email is None and visit.purpose_detail is None and visit.id_barcodes is None


def test_an_entry_with_problems_creates_nothing_and_names_every_problem(kiosk):
    with pytest.raises(checkin.CheckinError) as refused:
        submit(kiosk, phone="0812", rules_accepted=False)
    assert refused.value.fields == {"phone": "phone_format", "rules_accepted": "rules"}
    assert db.session.scalars(select(Visit)).all() == []


def test_a_ticket_finds_its_visit_as_typed_or_scanned(kiosk):
    visit = submit(kiosk)
    typed = visit.ticket_code.lower()[:4] + "-" + visit.ticket_code.lower()[4:]
    assert checkin.find_by_ticket(db.session, typed) == visit
    assert checkin.find_by_ticket(db.session, "ZZZZ9999") is None
    assert checkin.find_by_ticket(db.session, "??") is None


def test_a_returning_visitor_needs_the_nik_and_the_last_four_phone_digits(kiosk):
    first = submit(kiosk, phone="0812-3456-7890")
    assert checkin.find_returning(db.session, NIK, "7890") == first.visitor
    assert checkin.find_returning(db.session, "3373 0217 0845 0001", "78-90") == first.visitor
    assert checkin.find_returning(db.session, NIK, "7891") is None
    assert checkin.find_returning(db.session, NIK, "890") is None
    assert checkin.find_returning(db.session, NIK, "") is None
    assert checkin.find_returning(db.session, "3373021708450002", "7890") is None
    assert checkin.find_returning(db.session, NIK[:15], "7890") is None


def test_the_latest_record_of_a_returning_visitor_is_recalled(kiosk):
    submit(kiosk, institution="CV Lama").status = "reported"  # an earlier visit, over
    newer = submit(kiosk, institution="CV Baru")
    assert checkin.find_returning(db.session, NIK, "0001").institution == "CV Baru"
    assert checkin.find_returning(db.session, NIK, "0001") == newer.visitor


def test_a_visitor_who_changed_phone_is_recalled_by_either_number_only_from_the_matching_record(kiosk):
    old = submit(kiosk, phone="081111110001", institution="CV Lama")
    old.status = "reported"  # an earlier visit, over
    submit(kiosk, phone="082222220002", institution="CV Baru")
    assert checkin.find_returning(db.session, NIK, "0001") == old.visitor
    assert checkin.find_returning(db.session, NIK, "0002").institution == "CV Baru"


# --- check-out at the kiosk ---------------------------------------------------------------------------

def test_an_approved_visitor_checks_out_with_a_rating_and_a_comment(kiosk):
    visit = factories.visit("approved")
    checkin.check_out(db.session, kiosk, visit, rating=5, feedback="  Pelayanan cepat ", now=NOW)
    assert (visit.status, visit.checked_out_at, visit.rating, visit.feedback) == \
        ("checked_out", NOW, 5, "Pelayanan cepat")
    db.session.flush()
    acts = [(e.action, e.details) for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == "visit", AuditEvent.object_id == visit.id)
        .order_by(AuditEvent.id))]
    assert acts == [("visit.checked_out", {"from": "approved", "to": "checked_out"}),
                    ("visit.feedback", {"rating": 5})]
    feedback = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.feedback")).one()
    assert (feedback.actor_type, feedback.actor_label, feedback.at) == ("kiosk", "Kiosk Lobi", NOW)


def test_checking_out_without_rating_or_comment_writes_no_feedback(kiosk):
    visit = factories.visit("approved")
    checkin.check_out(db.session, kiosk, visit, now=NOW)
    assert (visit.status, visit.rating, visit.feedback) == ("checked_out", None, None)
    db.session.flush()
    acts = [e.action for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == "visit", AuditEvent.object_id == visit.id))]
    assert acts == ["visit.checked_out"]


def test_a_comment_alone_is_feedback_too(kiosk):
    visit = factories.visit("approved")
    checkin.check_out(db.session, kiosk, visit, feedback="Ruang dingin", now=NOW)
    db.session.flush()
    acts = [(e.action, e.details) for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == "visit", AuditEvent.object_id == visit.id)
        .order_by(AuditEvent.id))]
    assert acts[-1] == ("visit.feedback", {"rating": None})


@pytest.mark.parametrize("rating", [0, 6, -1, True, 4.5, "5"])
def test_a_rating_is_a_whole_number_from_1_to_5(kiosk, rating):
    visit = factories.visit("approved")
    with pytest.raises(checkin.CheckinError) as refused:
        checkin.check_out(db.session, kiosk, visit, rating=rating, now=NOW)
    assert refused.value.fields == {"rating": "rating"}
    assert visit.status == "approved"


@pytest.mark.parametrize("rating", [1, 5])
def test_both_ends_of_the_rating_scale_are_accepted(kiosk, rating):
    visit = factories.visit("approved")
    checkin.check_out(db.session, kiosk, visit, rating=rating, now=NOW)
    assert visit.rating == rating


def test_a_comment_holds_at_most_1000_characters(kiosk):
    visit = factories.visit("approved")
    for bad in ("k" * 1001, 42):
        with pytest.raises(checkin.CheckinError) as refused:
            checkin.check_out(db.session, kiosk, visit, feedback=bad, now=NOW)
        assert refused.value.fields == {"comment": "too_long"}
    checkin.check_out(db.session, kiosk, visit, feedback="k" * 1000 + "   ", now=NOW)
    assert len(visit.feedback) == 1000


@pytest.mark.parametrize("status,code", [
    ("pending", "not_approved"), ("denied", "not_approved"), ("cancelled", "not_approved"),
    ("expired", "not_approved"), ("checked_out", "already_checked_out"), ("reported", "already_checked_out"),
])
def test_only_an_approved_visit_leaves_through_the_kiosk(kiosk, status, code):
    visit = factories.visit(status)
    assert checkin.checkout_problem(visit) == code
    with pytest.raises(checkin.CheckoutRefused) as refused:
        checkin.check_out(db.session, kiosk, visit, rating=5, now=NOW)
    assert (refused.value.code, refused.value.status) == (code, status)
    assert visit.status == status


def test_an_approved_visit_has_no_checkout_problem(kiosk):
    assert checkin.checkout_problem(factories.visit("approved")) is None


def test_the_kiosk_actor_is_a_kiosk():
    actor = kiosk_actor(3, "Kiosk Lobi")
    assert actor.has(Role.KIOSK) and actor.user_id is None


def test_the_barcodes_seen_on_the_card_are_kept_with_the_visit(kiosk):
    seen = [{"format": "QRCode", "text": "IKD-UJI-0001"}]
    assert submit(kiosk, barcodes=seen).id_barcodes == seen


def test_without_a_given_time_the_entry_is_stamped_now_in_utc(kiosk):
    before = datetime.now(timezone.utc)
    visit = checkin.submit(db.session, kiosk, entry(), purposes=PURPOSES, facilities=FACILITIES, device_id=None,
                           id_capture_key=None, signature_key=None)
    assert before <= visit.submitted_at <= datetime.now(timezone.utc)


def test_the_problems_read_as_a_list_in_the_log():
    error = checkin.CheckinError({"phone": "phone_format", "rules_accepted": "rules"})
    assert str(error) == "phone=phone_format, rules_accepted=rules"
    assert str(checkin.CheckoutRefused("not_approved", "pending")) == "not_approved"


def test_the_kiosk_that_took_the_entry_is_recorded(kiosk):
    from lpsedesk.models import KioskDevice

    device = KioskDevice(name="Kiosk Lobi")
    db.session.add(device)
    db.session.flush()
    visit = checkin.submit(db.session, kiosk, entry(), purposes=PURPOSES, facilities=FACILITIES, device_id=device.id,
                           id_capture_key=None, signature_key=None, now=NOW)
    assert visit.submitted_via_kiosk_id == device.id


def test_text_fields_sent_as_numbers_are_read_as_text():
    # A JSON client may send a phone or a NIK typed on a number pad as a number.
    fields = ("full_name", "nik", "phone", "email", "institution", "category", "purpose", "purpose_detail",
              "facility", "locale")
    read = checkin.GuestEntry.from_mapping({name: 12345 for name in fields})
    assert all(getattr(read, name) == "12345" for name in fields)


def test_a_watch_listed_visitor_is_flagged_at_check_in_and_the_kiosk_is_named_in_the_log(kiosk):
    # Issue 15: a match flags the request with the reason for the Kasubag, and every match is
    # audited: who submitted it (this kiosk) and when (the moment of the check-in).
    from datetime import date

    from lpsedesk.models import WatchEntry

    listed = WatchEntry(nik=NIK, reason="Dokumen palsu pada tender 2025", expires_on=date(2027, 1, 31))
    db.session.add(listed)
    db.session.flush()
    visit = submit(kiosk)
    assert (visit.status, visit.watch_entry_id, visit.watch_reason) == \
        ("pending", listed.id, "Dokumen palsu pada tender 2025")
    match = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "watchlist.matched")).one()
    assert (match.actor_type, match.actor_id, match.actor_label, match.at) == ("kiosk", 7, "Kiosk Lobi", NOW)
    assert match.details["visit_id"] == visit.id and match.details["by"] == "nik"


def test_a_visitor_who_brought_devices_into_the_server_room_checks_out_at_the_desk(kiosk):
    # Issue 15: the helpdesk sees each device leave with the visitor, so the kiosk sends them there.
    visit = factories.visit("approved", restricted=True, devices_none=False)
    assert checkin.checkout_problem(visit) == "devices_at_desk"
    with pytest.raises(checkin.CheckoutRefused) as refused:
        checkin.check_out(db.session, kiosk, visit, now=NOW)
    assert refused.value.code == "devices_at_desk" and visit.status == "approved"
    said_none = factories.visit("approved", restricted=True, devices_none=True)
    assert checkin.checkout_problem(said_none) is None


# --- one request waiting per person ---------------------------------------------------------------

def test_a_second_request_while_the_first_still_waits_is_refused_at_the_nik(kiosk):
    """The Kasubag decides each visitor's request once: the same person (NIK) sending the guest book
    again while the first request waits queued the same name twice (a stranger's walk)."""
    first = submit(kiosk, institution="CV Contoh")
    with pytest.raises(checkin.CheckinError) as refused:
        submit(kiosk, nik="3373 0217 0845 0001", institution="CV Lain")  # the same NIK, typed in groups
    assert refused.value.fields == {"nik": "nik_waiting"}
    assert db.session.scalars(select(Visit)).all() == [first], "nothing of the second was kept"


def test_once_the_first_request_is_decided_or_withdrawn_the_person_may_ask_again(kiosk):
    for status in ("approved", "denied", "cancelled", "expired", "checked_out", "reported"):
        submit(kiosk).status = status
        db.session.flush()
    assert submit(kiosk).status == "pending"


def test_another_person_and_yesterdays_forgotten_request_do_not_block(kiosk):
    yesterday = checkin.submit(db.session, kiosk, entry(), purposes=PURPOSES, facilities=FACILITIES,
                               device_id=None, id_capture_key=None, signature_key="sig",
                               now=NOW - timedelta(days=1))
    assert yesterday.status == "pending"
    assert submit(kiosk).status == "pending", "a request left waiting yesterday does not hold today's"
    assert submit(kiosk, nik="3373020101900001").status == "pending"
