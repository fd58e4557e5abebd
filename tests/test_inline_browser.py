"""--formats ixbrl in a real browser: headless Chromium renders the inline copy of Apple's 1998
10-Q, and the numbers that became facts are highlighted where they are printed (a screenshot of a
page of them is kept beside the test's output); without the page's style no number is."""
import shutil
import subprocess

import pytest

from conftest import SHARED
from converter.pipeline import convert_to_folder

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HIGHLIGHT = (255, 241, 184)  # the tagged numbers' background (templates/inline.xhtml.j2)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--window-size=1100,6000", "--virtual-time-budget=3000"]


def _screenshot(page, png, profile):
    r = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}", page.as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert png.exists(), r.stderr[-2000:]
    from PIL import Image
    return Image.open(png).convert("RGB")


def _highlighted_rows(image):
    px = image.load()
    width, height = image.size
    return [y for y in range(0, height, 2) if any(px[x, y] == HIGHLIGHT for x in range(0, width, 3))]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's)")
def test_the_tagged_numbers_are_highlighted_where_they_are_printed(tmp_path):
    pytest.importorskip("PIL")
    source = SHARED / "corpus" / "apple-computer_10-Q_1998-06-26.txt"
    if not source.exists():
        pytest.skip("../shared is not beside the project")
    r = convert_to_folder(source, tmp_path / "out", formats=("xml", "ixbrl"))
    assert r.ok, r.error
    page = tmp_path / "out" / r.name / f"{r.name}.ixbrl.xhtml"
    image = _screenshot(page, tmp_path / "page.png", tmp_path / "profile")
    rows = _highlighted_rows(image)
    assert len(rows) > 100  # many lines of tagged numbers
    # a statement's page with its tagged numbers, kept beside the output for a person to look at
    text = page.read_text()
    top = max(0, rows[len(rows) // 4] - 200)
    image.crop((0, top, 1100, top + 900)).save(tmp_path / "tagged-numbers.png")
    assert _highlighted_rows(image.crop((0, top, 1100, top + 900)))
    # a control: the same page without its style shows no highlighted number
    plain = tmp_path / "plain.xhtml"
    plain.write_text(text.split("<style", 1)[0] + text.split("</style>", 1)[1])
    assert _highlighted_rows(_screenshot(plain, tmp_path / "plain.png", tmp_path / "profile2")) == []
