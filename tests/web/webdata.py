"""Test data and helpers for the web tests: our own small Arabic inputs, a database built
from them, and a test client."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path
from typing import Any

TOKEN = "s3cret-token"

# Four short pages written for these tests: one strike told by two outlets with different
# tolls (7 soldiers and a civilian vs 6 soldiers), a ceasefire, and a hostile page whose
# title, outlet, URL and body carry markup that must come out escaped.
FEED: list[dict[str, Any]] = [
    {"id": "t1", "outlet": "صحيفة الاختبار", "url": "https://test.example/a1",
     "published": "2020-02-03", "title": "مقتل سبعة جنود أتراك ومدني بقصف قرب سراقب",
     "text": "قتل سبعة جنود أتراك ومدني، اليوم الاثنين، في قصف مدفعي لقوات النظام السوري على "
             "نقطة مراقبة تركية قرب مدينة سراقب في ريف إدلب، بحسب ما أعلنت وزارة الدفاع "
             "التركية.\nوقال الرئيس التركي رجب طيب أردوغان إن بلاده ردت على مصادر النيران، "
             "مضيفا: «لن نقف متفرجين».\nونزح نحو مليون شخص من ريف إدلب منذ كانون الأول "
             "الماضي."},
    {"id": "t2", "outlet": "وكالة التجربة", "url": "https://agency.example/n2",
     "published": "2020-02-03", "title": "ستة قتلى أتراك في قصف للنظام قرب سراقب",
     "text": "قتل ستة جنود أتراك، اليوم الاثنين، في قصف مدفعي لقوات النظام السوري على نقطة "
             "مراقبة تركية قرب مدينة سراقب في ريف إدلب، وفق وزارة الدفاع التركية.\nوقال "
             "الرئيس التركي رجب طيب أردوغان إن الجيش التركي رد على مصادر النيران."},
    {"id": "t3", "outlet": "صحيفة الاختبار", "published": "2020-03-05",
     "title": "بوتين وأردوغان يتفقان على وقف إطلاق النار في إدلب",
     "text": "توصل الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان، اليوم الخميس في "
             "موسكو، إلى اتفاق لوقف إطلاق النار في محافظة إدلب يدخل حيز التنفيذ منتصف "
             "الليل.\nوقال بوتين في مؤتمر صحفي مشترك إنه يأمل أن تشكل الوثيقة أساسا متينا "
             "لوقف الأعمال القتالية."},
    {"id": "xss", "outlet": "<b>منفذ</b>", "url": "javascript:alert(3)",
     "published": "2020-02-10", "title": "<script>alert('t')</script> عنوان خبيث",
     "text": "<script>alert(1)</script> قصفت قوات النظام السوري بلدة تفتناز في ريف إدلب، "
             "اليوم الاثنين، ما أدى إلى مقتل خمسة جنود أتراك. <img src=x onerror=alert(2)>\n"
             "وقال الرئيس التركي رجب طيب أردوغان إن الرد سيكون قاسيا."},
]


def feed_bytes(lines: list[dict[str, Any]] | None = None) -> bytes:
    return "".join(json.dumps(x, ensure_ascii=False) + "\n"
                   for x in (FEED if lines is None else lines)).encode("utf-8")


def build_db(path: Path, data: bytes) -> Path:
    from rasad.ingest import ingest
    from rasad.read import read_feed
    from rasad.store import Store

    with Store(path) as st:
        ingest(read_feed(io.BytesIO(data), "test"), st)
    return path


def make_client(db: Path, token: str | None = TOKEN, **kw: Any) -> Any:
    with warnings.catch_warnings():
        # starlette's test client warns when it runs on httpx rather than httpx2
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from rasad.web import create_app

    return TestClient(create_app(db, token=token, **kw))
