"""The single frames' NIK by what the kiosk tells the visitor on that frame (Run 22k).

The single-frame figures read every found card, but the kiosk reads at once only a frame it
calls "ready": a frame with a finger over the NIK row or a smeared row is held back while the
visitor is asked to move the finger or hold still, and a blurred one is captured only after a
wait (Run 22v). On dev almost every NIK not read exactly lay on such a frame (docs/idscan.md,
Run 22k): this table shows where the single-frame figure's misses are, beside the figure itself.
"""
from __future__ import annotations

from collections import defaultdict

# Most read first: what the kiosk reads at once, then what it asks the visitor to mend.
ORDER = ("ready", "finger_on_text", "spot_on_text", "hold_still", "too_blurry", "move_closer", "glare")


def told_groups(rows: list[dict]) -> dict[str, list[dict]]:
    """The read rows by the guidance told on their frame (row["told"]), in ORDER, then any other."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r.get("told") or "-"].append(r)
    return {k: groups[k] for k in (*ORDER, *sorted(set(groups) - set(ORDER))) if groups.get(k)}


def print_told(rows: list[dict], share) -> None:
    """One line per guidance: NIK exact, filled right, wrong filled (share(rows, key) formats)."""
    print("\n| told on the frame | read | NIK exact | NIK filled right | wrong filled |")
    print("| --- | --- | --- | --- | --- |")
    for told, group in told_groups(rows).items():
        print(f"| {told} | {len(group)} | {share(group, 'nik_raw')} | {share(group, 'nik_filled')} | "
              f"{share(group, 'wrong')} |")
