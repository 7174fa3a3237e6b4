"""Write articles/n01.txt .. n24.txt from the extraction-bench ground truth (re-runnable).

Each body is written as in the ground truth, one paragraph per line group, paragraphs separated by a
blank line. Only the listed clutter lines (image credits, related-story links, separators) are dropped.
"""
import json
import pathlib

GT = pathlib.Path(__file__).resolve().parents[4].parent / "shared" / "extraction-bench" / "ground-truth.json"
OUT = pathlib.Path(__file__).resolve().parent.parent / "articles"

# file -> (ground-truth id prefix, topic, clutter lines to drop)
ENGLISH = {
    "n01.txt": ("7a664e40", "US politics: impeachment hearing, Volker and Morrison testimony", []),
    "n02.txt": ("7a457a4f", "US crime/politics: man pleads guilty to threatening Rep. Ilhan Omar", []),
    "n03.txt": ("7de52419", "US local politics/education: Indiana teachers rally at Statehouse", []),
    "n04.txt": ("c58aa507", "US crime: prison guards charged over Jeffrey Epstein checks", [
        "Internal memo: Federal prison guards falsified records of cell checks, inmate counts",
        "Staffers 'don't care': Federal prison suicides were quietly rising before Jeffrey Epstein's death in a New York detention center",
        "Epstein's inner circle eyed: Jeffrey Epstein is dead. Prosecutors could still go after his inner circle if they helped him prey on young girls",
    ]),
    "n05.txt": ("e7994d55", "UK politics: Conservatives' 'factcheckUK' Twitter rename during election debate", ["___"]),
    "n06.txt": ("c7e39ac4", "World: Sweden drops Julian Assange rape investigation", ["Profile: Julian Assange", "Timeline of saga"]),
    "n07.txt": ("a1fca19b", "World: Taliban free American and Australian hostages in prisoner swap", []),
    "n08.txt": ("833caf3b", "World: criticism of US stance on Israeli settlements", ["This article has been adapted from its original source."]),
    "n09.txt": ("374ac9a5", "Business/aviation: Emirates orders 30 Boeing 787-9 jets at Dubai Air Show", []),
    "n10.txt": ("360c732d", "Business/markets: Alibaba's secondary listing in Hong Kong", ["Main image credit: Getty"]),
    "n11.txt": ("9ebb3af6", "Local business: Houston-area new car sales fall 10 percent in October", []),
    "n12.txt": ("098bb3e9", "Business/media: Disney+ launch problems, Kevin Mayer", []),
    "n13.txt": ("d0382c0d", "Local/utilities: PG&E power shutoffs over California fire weather", []),
    "n14.txt": ("686bb170", "Science/space: water vapor detected above Jupiter's moon Europa", ["(Image credit: All About Space)"]),
    "n15.txt": ("c50845a7", "Science/space: NASA adds five companies to commercial lunar lander program", ["(Image credit: All About Space)"]),
    "n16.txt": ("05844573", "Autos/technology: new models at the Los Angeles Auto Show", []),
    "n17.txt": ("bd673bd7", "Health: man diagnosed with 'feather duvet lung'", ["Originally published on Live Science."]),
    "n18.txt": ("ea25dd7e", "Health/world: three plague cases diagnosed in China", []),
    "n19.txt": ("0d461229", "Sports/tennis: opening days of the Davis Cup Finals in Madrid", []),
    "n20.txt": ("eecd2575", "Sports/basketball: LeBron James's triple-double against every NBA team", ["___"]),
    "n21.txt": ("ecb46e3e", "Sports/ice hockey: NHL roundup, Islanders beat Penguins in overtime", []),
    "n22.txt": ("291a8bf3", "Technology/business: Tim Cook at Salesforce's Dreamforce", []),
    "n23.txt": ("8267acac", "Technology/gaming: launch of Google Stadia", []),
    "n24.txt": ("2c46804d", "Local crime: video of rescue of kidnapped Fort Worth girl; kidnapper sentenced", []),
}


def load():
    data = json.loads(GT.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items()}


def full_id(data, prefix):
    ids = [k for k in data if k.startswith(prefix)]
    assert len(ids) == 1, prefix
    return ids[0]


def main():
    data = load()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (prefix, _topic, drop) in ENGLISH.items():
        body = data[full_id(data, prefix)]["articleBody"]
        lines = [ln.strip() for ln in body.split("\n")]
        kept, dropped = [], []
        for ln in lines:
            if not ln:
                continue
            if ln in drop:
                dropped.append(ln)
                continue
            kept.append(ln)
        missing = set(drop) - set(dropped)
        assert not missing, (name, missing)
        (OUT / name).write_text("\n\n".join(kept) + "\n", encoding="utf-8")
        print(name, prefix, len(" ".join(kept).split()), "words; dropped", len(dropped))


if __name__ == "__main__":
    main()
