"""Write sources.json: ground-truth id, url and topic of every article file (and how h*.txt were made)."""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_english_articles import ENGLISH, full_id, load  # noqa: E402

ROOT = HERE.parent

# file -> (ground-truth id prefix, topic, what of the English body was translated)
HINDI = {
    "h01.txt": ("5f9c5ed5", "India/world: nearly 150 Indians deported from the US return to Delhi",
                "whole article"),
    "h02.txt": ("076f4f33", "Local/Delhi: fact check on an 'oxygen bar' selling clean air in Saket",
                "whole article"),
    "h03.txt": ("65408257", "Business/markets: Sensex at a record high while the Indian economy slows",
                "whole article, including the site's closing disclaimer"),
    "h04.txt": ("92101975", "Sports/football: Jose Mourinho replaces Mauricio Pochettino at Tottenham",
                "whole article except two embedded tweets (the club's statement card and Dele Alli's tweet)"),
    "h05.txt": ("359fee22", "Science/space: first global geological map of Saturn's moon Titan",
                "whole article except the closing '© Reuters' line"),
    "h06.txt": ("d90bda7e", "World: Amnesty International on killings of protesters in Iran",
                "whole article"),
    "h07.txt": ("7f93c194", "Health: cannabis use disorder rising in US states that legalized the drug",
                "whole article except one image caption ('This graphic, provided by Statista, ...')"),
    "h08.txt": ("bc13ff87", "Business: WeWork layoffs after its failed IPO",
                "whole article"),
}


def main():
    data = load()
    out = {}
    for name, (prefix, topic, drop) in ENGLISH.items():
        gid = full_id(data, prefix)
        out[name] = {"language": "en", "ground_truth_id": gid, "url": data[gid]["url"], "topic": topic,
                     "text": "ground-truth articleBody: lines kept verbatim (surrounding whitespace trimmed), paragraphs separated by a blank line",
                     "dropped_clutter_lines": drop}
    for name, (prefix, topic, coverage) in HINDI.items():
        gid = full_id(data, prefix)
        out[name] = {"language": "hi", "ground_truth_id": gid, "url": data[gid]["url"], "topic": topic,
                     "text": "Hindi translation of the ground-truth articleBody (English original)",
                     "translation": True, "translated_part": coverage,
                     "translated_by": "written for this dev set by the assistant that built it; not a professional translation"}
    (ROOT / "sources.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(out), "entries")


if __name__ == "__main__":
    main()
