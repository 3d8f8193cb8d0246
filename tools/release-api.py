#!/usr/bin/env python3
"""Records the plugin API as built now as its last release: the baseline of bnd's baseline check.

`mvn verify` compares each API bundle (tavern.wml, tavern.api, tavern.transport, tavern.identity)
with the baseline jar named by the `api.baseline` property of its pom, found in the file
repository cnf/baseline (docs/plugins.md, "Versions you can rely on, and releasing the API"). This
script, run after a build of those bundles, writes for each one a jar of its manifest and its
exported packages (not its private packages: the baseline check reads only the exported ones, and
the identity bundle's private H2 and Bouncy Castle packages alone are megabytes) under the release
label given, and points the pom's `api.baseline` at it. A label already released is refused: a
release is never rewritten.

Usage: mvn -o -DskipTests package -pl bundles/wml,bundles/api,bundles/transport,bundles/identity
       tools/release-api.py <label>        (the release, e.g. Tavern's version: 0.1.0)
"""

import hashlib
import pathlib
import re
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULES = ["wml", "api", "transport", "identity"]
REPOSITORY = ROOT / "cnf" / "baseline"
# Fixed entry times: the same bundle gives the same baseline jar.
ENTRY_TIME = (2026, 1, 1, 0, 0, 0)


def entry(name):
    info = zipfile.ZipInfo(name, ENTRY_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def manifest_headers(text):
    """The main section's headers, continuation lines joined."""
    headers = {}
    name = None
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" ") and name:
            headers[name] += line[1:]
        elif ":" in line:
            name, value = line.split(":", 1)
            headers[name] = value.strip()
        elif not line:
            break
    return headers


def exported_packages(headers, bundle):
    """The packages the bundle exports, each with its version."""
    clauses = re.findall(r'([\w.]+)((?:;[\w.:-]+:?="[^"]*"|;[\w.:-]+:?=[^,;]*)*)', headers.get("Export-Package", ""))
    if not clauses:
        sys.exit(f"{bundle}: exports no package")
    packages = {}
    for package, attributes in clauses:
        version = re.search(r';version="?([\d.]+)"?', attributes)
        if not version:
            sys.exit(f"{bundle}: the exported package {package} has no version")
        packages[package] = version.group(1)
    return packages


def release(module, label):
    artifact = f"tavern.{module}"
    built = [jar for jar in (ROOT / "bundles" / module / "target").glob(f"{artifact}-*.jar")
             if not jar.name.endswith(("-sources.jar", "-tests.jar", "-javadoc.jar"))]
    if len(built) != 1:
        sys.exit(f"{artifact}: build the bundle first (found {[j.name for j in built]})")
    target = REPOSITORY / "org" / "tavern" / artifact / label
    jar = target / f"{artifact}-{label}.jar"
    if jar.exists():
        sys.exit(f"{artifact} {label}: already released; a release is never rewritten (choose another label)")
    with zipfile.ZipFile(built[0]) as bundle:
        manifest = bundle.read("META-INF/MANIFEST.MF")
        packages = exported_packages(manifest_headers(manifest.decode("utf-8")), artifact)
        folders = [package.replace(".", "/") + "/" for package in packages]
        classes = sorted(name for name in bundle.namelist() for folder in folders
                         if name.startswith(folder) and "/" not in name[len(folder):] and name != folder)
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as baseline:
            baseline.writestr(entry("META-INF/MANIFEST.MF"), manifest)
            for name in classes:
                baseline.writestr(entry(name), bundle.read(name))
    listed = ", ".join(f"{package} {version}" for package, version in sorted(packages.items()))
    (target / f"{artifact}-{label}.pom").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        f"  <groupId>org.tavern</groupId>\n  <artifactId>{artifact}</artifactId>\n"
        f"  <version>{label}</version>\n"
        f"  <description>Released API ({listed}): baseline of bnd's baseline check</description>\n"
        "</project>\n")
    for written in (jar, target / f"{artifact}-{label}.pom"):
        # Maven checks a download against these (without them it warns at every build).
        digest = hashlib.sha1(written.read_bytes()).hexdigest()
        written.with_name(written.name + ".sha1").write_text(digest + "\n")
    print(f"{artifact} {label}: released {len(classes)} classes of {listed} into {jar.relative_to(ROOT)}")
    pom = ROOT / "bundles" / module / "pom.xml"
    text = pom.read_text()
    if "<api.baseline>" not in text:
        sys.exit(f"{pom.relative_to(ROOT)} has no <api.baseline> property to point at {label}")
    pom.write_text(re.sub(r"<api\.baseline>[^<]*</api\.baseline>", f"<api.baseline>{label}</api.baseline>", text))
    print(f"{pom.relative_to(ROOT)}: api.baseline = {label}")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.-]*", sys.argv[1]):
        sys.exit("usage: tools/release-api.py <label>   (the release, e.g. 0.1.0)")
    for name in MODULES:
        release(name, sys.argv[1])
