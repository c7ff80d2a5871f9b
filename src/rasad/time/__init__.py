"""Time stage: find Arabic time expressions and resolve them against the publication date.

Public interface (the pipeline calls only this):

- `TimeExpr`: one expression: span in the original text, ISO value and precision, kind;
- `find_time_expressions(text, reference)`: all expressions, sorted, non-overlapping;
- `parse_date_text(text)`: an explicit absolute date in a dateline-like string.

Modules: `lexicon` (word lists, normalized spelling), `patterns` (regexes), `resolve` (one
handler per rule), `calendar` (date arithmetic, Hijri via hijridate), `textview` (fast
normalization identical to `rasad.text.normalize`), `extract` (scan, spans, public functions).

Conventions and decisions:

- Matching runs on normalized text; spans map back to the original text (trailing diacritics
  and tatweel included, as `Normalized.to_original` does). A conjunction clitic و/ف is left
  out of a span; attached prepositions stay in it ("للعام 2020", "بالأمس"). A cue such as "في"
  is not part of the span; "منذ" (with a hedge such as "ما يقرب من"), a boundary word
  (بداية، مطلع، منتصف، أواخر، نهاية…, "النصف الثاني من") and a preceding "يوم" are.
- kind: 'date' names a calendar date, month or year (its year may be inferred); 'relative'
  is anchored only on the reference (اليوم، أمس، weekdays, الأسبوع/الشهر/العام الماضي,
  seasons); 'time_of_day' is headed by a time of day (مساء أمس الخميس، منتصف الليل);
  'interval_start' is "منذ" + a point; 'range' has ``end_value``; 'duration' never has a value.
- Weeks: the contract has no week precision, so الأسبوع الماضي/المقبل/هذا الأسبوع give the
  month holding reference -7 / +7 / +0 days, precision 'month'.
- Seasons: الصيف الماضي etc. give the year the season falls in (a winter: the year of its
  January), precision 'year'.
- Midnight: bare "منتصف الليل" is the reference day (the midnight that began it), except in a
  truce or future context (وقف إطلاق النار، حيز التنفيذ، اعتبارا من، سيدخل…) where it is
  the midnight ending the reference day: reference + 1. "منتصف ليل الخميس إلى الجمعة" is the
  Friday; "ليل السبت - الأحد" (no midnight) is the Saturday.
- Direction: in past-tense news a bare weekday is the latest such day up to and including the
  reference; after a future verb (سيزور، ستبدأ) or "من المقرر" the first one on or after it;
  الماضي/المقبل force strictly before/after. A day-month without year is the latest one no
  later than reference + 62 days (a bare month name: no later than next month); after "منذ"
  never later than the reference. ``future`` is set when the value lies after the reference
  or the words say so (غدا، المقبل).
- Without a reference, relative expressions (and a day-month without year) are returned with
  value and precision None.
"""

from rasad.time.extract import find_time_expressions, parse_date_text
from rasad.time.model import TimeExpr

__all__ = ["TimeExpr", "find_time_expressions", "parse_date_text"]
