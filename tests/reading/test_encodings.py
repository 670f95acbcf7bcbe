"""Legacy Vietnamese encodings and decomposed accents: found at their line, converted back."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from camket.reading import legacy
from tests.conftest import REPO, run, write

SEED = REPO.parent / "shared" / "seeds" / "000_ae699b2eb0a8bb9d.txt"


def real_text() -> str:
    """Paragraphs of the model report (a sample of real administrative Vietnamese)."""
    if SEED.is_file():
        return "\n".join(SEED.read_text(encoding="utf-8").split("\n\n")[1:6])
    return (REPO / "data/2019/year.yaml").read_text(encoding="utf-8")


def test_known_words():
    assert legacy.to_unicode("Tr¸ch nhiÖm", "tcvn3") == "Trách nhiệm"
    assert legacy.to_unicode("B¶o Th¾ng", "tcvn3") == "Bảo Thắng"
    assert legacy.to_unicode("M\xadêng Kh\xad¬ng", "tcvn3") == "Mường Khương"
    assert legacy.to_unicode("§¶ng bé tØnh", "tcvn3") == "Đảng bộ tỉnh"
    assert legacy.to_unicode("Traùch nhieäm", "vni") == "Trách nhiệm"
    assert legacy.to_unicode("Xin chaøo caùc baïn", "vni") == "Xin chào các bạn"
    assert legacy.to_unicode("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "vni") == "ĐẢNG CỘNG SẢN VIỆT NAM"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_tables_round_trip_real_text(encoding: str):
    text = unicodedata.normalize("NFC", real_text())
    old = legacy.from_unicode(text, encoding)
    assert old != text and legacy.detect(old) == encoding
    back = legacy.to_unicode(old, encoding)
    if encoding == "vni":
        assert back == text
    else:  # TCVN3 drew accented capitals with another font: they come back lower-case
        expected = "".join(
            ch.lower() if not ch.isascii() and ch.isupper() and ch not in "ĂÂĐÊÔƠƯ" else ch
            for ch in text
        )
        assert back == expected


def test_unicode_text_is_never_called_legacy():
    assert legacy.detect(real_text()) is None
    for text in ["Sở Kế hoạch & Đầu tư «dự thảo»", "Nhiệt độ 30°C × 2", "Tỉnh ủy Quảng Trị"]:
        assert legacy.detect(text) is None


@pytest.mark.parametrize(
    ("pasted", "name"),
    [
        ("Tr¸ch nhiÖm, kû c\xad¬ng, t¨ng tèc ph¸t triÓn", "TCVN3 (ABC)"),
        ("Traùch nhieäm, kyû cöông, taêng toác phaùt trieån", "VNI"),
    ],
)
def test_pasted_legacy_text_is_an_error_at_its_line(mini: Path, pasted: str, name: str):
    path = mini / "2019/year.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "theme: Trách nhiệm, kỷ cương, tăng tốc phát triển", f"theme: {pasted}"
        ),
        encoding="utf-8",
    )
    r = run("validate", "--data", mini, cwd=mini)
    assert r.exit_code == 1
    [line] = [ln for ln in r.stdout.splitlines() if "[E013]" in ln]
    assert line.startswith("2019/year.yaml:2:8: lỗi:") and name in line
    assert "Trách nhiệm" in line and "camket fix-encoding" in line
    r = run("fix-encoding", path)
    assert r.exit_code == 0 and name in r.stdout
    assert "theme: Trách nhiệm, kỷ cương, tăng tốc phát triển\n" in path.read_text(encoding="utf-8")
    assert run("validate", "--data", mini).exit_code == 0


def test_fix_encoding_changes_only_the_legacy_values(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    before = path.read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", "Đào Mạnh Hùng")
    pasted = before.replace("Đào Mạnh Hùng", nfd).replace(
        "Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao",
        legacy.from_unicode("Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao", "vni"),
    )
    path.write_text(pasted, encoding="utf-8")
    r = run("validate", "--data", mini)
    assert "[E013]" in r.stdout and "[W001]" in r.stdout
    assert run("fix-encoding", path, "--dry-run").stdout.startswith(f"{path}: Sẽ sửa")
    assert path.read_text(encoding="utf-8") == pasted
    r = run("fix-encoding", path)
    assert "01 đoạn" in r.stdout or "1 đoạn" in r.stdout
    assert "chuẩn hóa dấu NFC" in r.stdout
    assert path.read_text(encoding="utf-8") == before
    assert run("fix-encoding", path).stdout.strip() == f"{path}: không cần sửa"


def test_an_8bit_tcvn3_file(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(legacy.from_unicode(text, "tcvn3").encode("latin-1"))
    r = run("validate", "--data", mini, cwd=mini)
    assert "2019/commitments/cam-lo.yaml:" in r.stdout and "TCVN3" in r.stdout
    run("fix-encoding", path)
    fixed = path.read_text(encoding="utf-8")
    assert "Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao" in fixed


def test_cp1252_that_is_not_vietnamese(mini: Path):
    path = write(mini, "2019/commitments/cam-lo.yaml", "")
    path.write_bytes(b"unit: cam-lo\nhead: Jos\xe9 \x93Pepe\x94\n")
    r = run("validate", "--data", mini, cwd=mini)
    assert "2019/commitments/cam-lo.yaml:2:10: lỗi: tệp không phải UTF-8" in r.stdout
    r = run("fix-encoding", path)
    assert r.exit_code == 1 and "không nhận ra bảng mã" in r.stderr


@pytest.mark.parametrize("encoding", ["vni", "tcvn3"])
def test_mixed_text_keeps_its_unicode_part(encoding: str):
    pasted = "Công tác cán bộ: " + legacy.from_unicode("Trách nhiệm của người đứng đầu", encoding)
    assert legacy.fix_words(pasted, encoding) == "Công tác cán bộ: Trách nhiệm của người đứng đầu"
    theme = legacy.from_unicode("Trách nhiệm, kỷ cương, tăng tốc phát triển", encoding)
    assert legacy.fix_words(theme, encoding) == "Trách nhiệm, kỷ cương, tăng tốc phát triển"


def _endings(data: bytes) -> list[bytes]:
    return re.findall(rb"\r\n|\r|\n", data)


@pytest.mark.parametrize(
    "newline",
    ["\r", "\r\n", "\n", "mixed"],
    ids=["old-mac-cr", "windows-crlf", "lf", "mixed"],
)
@pytest.mark.parametrize("kind", ["pasted", "8bit", "nfd"])
def test_fix_encoding_keeps_every_line_ending(mini: Path, newline: str, kind: str):
    """A file saved on an old Mac (lone CR), on Windows (CRLF), or both at once: converted,
    and every line ending the same byte as before."""
    path = mini / "2019/commitments/dong-ha.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    endings = ["\r\n", "\r", "\n"] if newline == "mixed" else [newline]
    good = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
    texts = ("Khởi công Trung tâm thương mại Đông Hà", "Nhà đầu tư chậm hoàn thiện hồ sơ")
    if kind == "pasted":
        bad = good
        for t in texts:
            bad = bad.replace(t, legacy.from_unicode(t, "vni"))
        data = bad.encode("utf-8")
    elif kind == "8bit":
        data = legacy.from_unicode(good, "tcvn3").encode("latin-1")
        # TCVN3 has no accented capitals: they come back lower-case
        good = legacy.to_unicode(legacy.from_unicode(good, "tcvn3"), "tcvn3")
    else:
        data = unicodedata.normalize("NFD", good).encode("utf-8")
    path.write_bytes(data)
    r = run("fix-encoding", path)
    assert r.exit_code == 0, r.stderr
    fixed = path.read_bytes()
    assert _endings(fixed) == _endings(good.encode("utf-8")) == _endings(data)
    assert fixed.decode("utf-8") == good
    if kind != "8bit":
        assert run("validate", "--data", mini).exit_code == 0


def test_fix_encoding_of_a_deeply_nested_file(mini: Path):
    """The scalars are walked without recursion."""
    path = mini / "2019/commitments/dong-ha.yaml"
    pasted = legacy.from_unicode("Trách nhiệm của người đứng đầu", "vni")
    path.write_text("a: " + "[" * 990 + pasted + "]" * 990 + "\n", encoding="utf-8")
    r = run("fix-encoding", path)
    assert r.exit_code == 0, r.stderr
    assert "[" * 990 + "Trách nhiệm của người đứng đầu]" in path.read_text(encoding="utf-8")
