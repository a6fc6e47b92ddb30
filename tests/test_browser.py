"""The HTML report as a reader sees it: rendered by headless Chromium, screenshot, images loaded."""

import html
import json
import os
import re
import shutil
import subprocess
import sys
import uuid

import pytest

from analysis import paths

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
_PROBE = """<script>
window.addEventListener("load", function () {
  var found = Array.prototype.map.call(document.images, function (image) {
    return {width: image.naturalWidth, alt: image.getAttribute("alt") || ""};
  });
  var out = document.createElement("pre");
  out.id = "image-probe";
  out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
});
</script>"""


def _chromium(profile, *args):
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (CI is set, so the browser test must run)")
        pytest.skip("chromium is not installed: apt-get install chromium (required when CI is set)")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)


@pytest.fixture(scope="module")
def report():
    if CHROMIUM is None and not os.environ.get("CI"):
        pytest.skip("chromium is not installed: apt-get install chromium (required when CI is set)")
    output = paths.REPORTS_DIR / f"_test-browser-{uuid.uuid4().hex[:8]}"
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "--output", str(output)],
        cwd=paths.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    yield output / "report.html"
    shutil.rmtree(output, ignore_errors=True)


def test_screenshot_shows_a_rendered_page(report, tmp_path):
    screenshot = tmp_path / "report.png"
    _chromium(
        tmp_path / "profile",
        f"--screenshot={screenshot}",
        "--window-size=1200,2400",
        "--hide-scrollbars",
        report.as_uri(),
    )
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 50_000  # a blank page is a few kilobytes


def test_title_headline_numbers_and_every_image_loaded_with_alt_text(report, tmp_path):
    page = report.read_text(encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(
        tmp_path / "profile", "--virtual-time-budget=10000", "--dump-dom", probed.as_uri()
    ).stdout
    assert "<title>Trade report: KAZ-GBR, 2022 to 2023</title>" in dom
    text = html.unescape(re.sub(r"<[^>]+>", "", dom))
    for expected in (
        "Kazakhstan–UK goods trade fell 47% from 2022 to 2023",  # the headline: a finding
        "from $1,957m in 2022 to $1,036m in 2023",  # the UK-side turnover beside the text's
        "(it states −36%)",
        "its own figures imply $384.3 million",
        "Feb–Mar 2022",
        "What this means",
        "Conclusion",
        "About this report",
    ):
        assert expected in text, expected
    assert text.index("Conclusion") < text.index("About this report") < text.index("SHA-256")
    probe = re.search(r'<pre id="image-probe">(.*?)</pre>', dom, re.S)
    assert probe, "the load event did not run"
    images = json.loads(html.unescape(probe.group(1)))
    assert len(images) == 3  # UK bridge, monthly, the text beside the UK's figures
    assert all(image["width"] > 0 for image in images), images
    assert all(image["alt"].strip() for image in images), images


def test_every_download_the_page_links_exists(report):
    page = report.read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"#:]+)"', page))
    assert "report.json" in links and any(link.startswith("tables/") for link in links)
    assert all((report.parent / link).is_file() for link in links), links
