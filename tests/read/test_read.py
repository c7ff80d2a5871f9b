import gzip
import io
import json
from pathlib import Path

import pytest

from rasad.read import decode_bytes, iter_inputs, looks_like_html
from rasad.records import RawInput, Rejected


def _only(items: list[RawInput | Rejected]) -> RawInput | Rejected:
    assert len(items) == 1
    return items[0]


def test_encodings(tmp_path: Path) -> None:
    text = "قصفت القوات مواقع في إدلب اليوم."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "win.txt").write_bytes(text.encode("cp1256"))
    a = _only(list(iter_inputs([str(tmp_path / "bom.txt")])))
    b = _only(list(iter_inputs([str(tmp_path / "win.txt")])))
    assert isinstance(a, RawInput) and a.content == text
    assert isinstance(b, RawInput) and b.content == text
    assert any("cp1256" in w for w in b.warnings)


def test_bad_inputs_are_rejected_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    out = list(iter_inputs([str(tmp_path / n) for n in
                            ("empty.txt", "bin.txt", "big.txt", "x.pdf", "missing.txt")],
                           max_bytes=1500))
    assert all(isinstance(o, Rejected) for o in out)
    reasons = [o.reason for o in out if isinstance(o, Rejected)]
    assert "empty" in reasons[0]
    assert "binary" in reasons[1]
    assert "too large" in reasons[2]
    assert "unsupported" in reasons[3]
    assert "no such file" in reasons[4]
    assert all("\n" not in r for r in reasons)


def test_feed_lines_and_truncation(tmp_path: Path) -> None:
    good = {"id": "a1", "text": "نص الخبر هنا.", "published": "2020-03-05", "outlet": "X"}
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps(good, ensure_ascii=False) + "\n" + '{"id": "b", "text": "قط\n'
                    + json.dumps({"id": "c"}) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(feed)]))
    assert isinstance(out[0], RawInput) and out[0].external_id == "a1"
    assert out[0].published == "2020-03-05"
    assert isinstance(out[1], Rejected) and out[1].source.endswith(":2")
    assert "invalid JSON" in out[1].reason
    assert isinstance(out[2], Rejected) and "neither" in out[2].reason


def test_stdin_feed() -> None:
    data = json.dumps({"html": "<html><body><p>نص</p></body></html>"}).encode() + b"\n"
    out = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(out[0], RawInput) and out[0].kind == "html"


def test_html_pasted_in_txt_is_detected() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html("قال الرئيس إن <الاتفاق> صامد.")


def test_decode_rejects_noise() -> None:
    from rasad.errors import Drop

    with pytest.raises(Drop):
        decode_bytes(bytes([0x81, 0x8d, 0x8e, 0x90, 0xff, 0xfe] * 300))


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_warc(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "a.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        html = "<html><body><article><p>قصفت الطائرات مواقع.</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.0")
        rec = w.create_warc_record("https://ex.example/2020/03/05/a", "response",
                                   payload=io.BytesIO(html.encode()), http_headers=headers)
        w.write_record(rec)
    out = list(iter_inputs([str(path)]))
    assert isinstance(out[0], RawInput) and out[0].url == "https://ex.example/2020/03/05/a"
    with gzip.open(path) as fh:
        assert fh.read(4) == b"WARC"
