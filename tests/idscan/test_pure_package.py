"""The engine is a pure package: importing it loads no web framework, database or app code."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_idscan_loads_no_flask_sqlalchemy_or_app_code():
    code = ("import json, sys, idscan, idscan.engine, idscan.lines, idscan.vote, idscan.crosscheck\n"
            "print(json.dumps(sorted(m for m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    forbidden = ("flask", "sqlalchemy", "lpsedesk", "kiosk", "admin", "werkzeug", "flask_login")
    assert [m for m in loaded if m.split(".")[0] in forbidden] == []
    assert "idscan.engine" in loaded


def test_the_nik_rules_load_without_opencv():
    # The core's NIK check shares the engine's decoding; a staff process must not pay for OpenCV.
    code = "import json, sys, idscan.nik; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "cv2" not in json.loads(out.stdout)
