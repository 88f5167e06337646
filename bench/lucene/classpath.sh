#!/usr/bin/env bash
# Compiles bench/lucene/LuceneBench.java into BUILD_DIR/bench/lucene-classes
# against Debian's Lucene 8 (liblucene8-java: jars named lucene-core-8.x.jar
# or lucene8-core.jar) and sets, for the sourcing script:
#   lucene=(--lucene CLASSPATH) with lucene_core=the core jar, or
#   lucene=(--lucene-skipped REASON)
# Usage (sourced): . bench/lucene/classpath.sh ROOT BUILD_DIR LOG
lucene_root="$1"; lucene_build="$2"; lucene_log="$3"
lucene=()
lucene_core=""
lucene_jar() {
  local name="$1" j
  for j in /usr/share/java/lucene8-"$name".jar /usr/share/java/lucene-"$name"-8.*.jar; do
    if [ -f "$j" ]; then echo "$j"; return 0; fi
  done
  return 1
}
if ! command -v javac >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
  lucene=(--lucene-skipped "no java/javac on PATH: apt-get install default-jdk-headless")
elif ! lucene_core=$(lucene_jar core) || ! lucene_analyzers=$(lucene_jar analyzers-common) ||
     ! lucene_qp=$(lucene_jar queryparser); then
  lucene=(--lucene-skipped "Lucene 8's jars are not in /usr/share/java: apt-get install liblucene8-java")
else
  lucene_classes="$lucene_build/bench/lucene-classes"
  mkdir -p "$lucene_classes"
  lucene_cp="$lucene_core:$lucene_analyzers:$lucene_qp"
  if javac -d "$lucene_classes" -cp "$lucene_cp" "$lucene_root/bench/lucene/LuceneBench.java" >"$lucene_log" 2>&1; then
    lucene=(--lucene "$lucene_classes:$lucene_cp")
  else
    lucene=(--lucene-skipped "javac failed on bench/lucene/LuceneBench.java: $(head -c 300 "$lucene_log" | tr '\n' ' ')")
  fi
fi
