// LuceneBench: the Lucene 8 baseline of the search benchmark (bench/search_bench.cc,
// bench/README.md "Search"). search_bench exports the corpus from the store and
// writes the query mix to files; this program indexes the one and runs the other,
// with Lucene's EnglishAnalyzer and BM25 (k1 = 1.2, b = 0.75), in one thread.
//
//   java -cp CP LuceneBench index DOCS_TSV INDEX_DIR
//       Indexes every line of DOCS_TSV (fields below) into a fresh INDEX_DIR,
//       commits, then forceMerge(1). Prints one line:
//       "lucene-index docs=N wall=S cpu=S merge_wall=S merge_cpu=S bytes=B segments=K"
//       (wall/cpu: from opening the writer to the end of the merge, process CPU;
//       merge_*: the forceMerge alone; bytes: INDEX_DIR on disk).
//   java -cp CP LuceneBench search INDEX_DIR QUERIES_TSV RESULTS_TSV
//       Parses and runs every query (top 20 by score, exact total, the stored
//       publication number and title of the 20), in passes over the whole mix
//       until a pass's p50 and p95 are each within 5% of the previous pass's
//       (at least 3, at most 30 passes), then once more, timed. Writes one line
//       per query to RESULTS_TSV: "ms \t cpu_ms \t total \t pn,pn,..." (or
//       "error \t message"), and prints
//       "lucene-search queries=N warmup_passes=P last_warm_p50=MS last_warm_p95=MS".
//
// DOCS_TSV, one document a line, tab-separated, with \\ \t \n escaped:
//   id, publication number, country, kind, publication date (YYYYMMDD or empty),
//   IPC subclasses (space-separated), title, abstract, claims, description.
// QUERIES_TSV, one query a line: class \t classic query syntax over title,
// abstract and claims (default operator AND) \t filters, space-separated:
//   cc=US kd=B2 ipc=H01M pd>=YYYYMMDD pd<YYYYMMDD pd=YYYYMMDD..YYYYMMDD.
// Exit status 0, or 1 with a message on stderr.
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

public final class LuceneBench {
  private static final int TOP_K = 20;
  private static final String[] TEXT_FIELDS = {"title", "abstract", "claims"};

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("index")) {
      index(Paths.get(args[1]), Paths.get(args[2]));
    } else if (args.length == 4 && args[0].equals("search")) {
      search(Paths.get(args[1]), Paths.get(args[2]), Paths.get(args[3]));
    } else {
      System.err.println("usage: LuceneBench index DOCS_TSV INDEX_DIR | search INDEX_DIR QUERIES_TSV RESULTS_TSV");
      System.exit(2);
    }
  }

  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
               .getProcessCpuTime() / 1e9;
  }

  // Splits an escaped TSV line into its unescaped fields.
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); ++i) {
      char c = line.charAt(i);
      if (c == '\t') {
        out.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        cur.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static long dirBytes(Path dir) throws IOException {
    long n = 0;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator)
        if (Files.isRegularFile(p)) n += Files.size(p);
    }
    return n;
  }

  static void index(Path docs, Path indexDir) throws IOException {
    final double w0 = System.nanoTime() / 1e9, c0 = processCpuSeconds();
    long n = 0;
    IndexWriterConfig cfg = new IndexWriterConfig(new EnglishAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    cfg.setRAMBufferSizeMB(64);
    double mw = 0, mc = 0;
    try (Directory dir = FSDirectory.open(indexDir);
         IndexWriter w = new IndexWriter(dir, cfg);
         BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null;) {
        List<String> f = fields(line);
        if (f.size() != 10) throw new IOException(docs + ": line " + (n + 1) + " has " + f.size() + " fields, not 10");
        Document d = new Document();
        d.add(new StoredField("pn", f.get(1)));
        if (!f.get(2).isEmpty()) d.add(new StringField("cc", f.get(2), Field.Store.NO));
        if (!f.get(3).isEmpty()) d.add(new StringField("kd", f.get(3), Field.Store.NO));
        if (!f.get(4).isEmpty()) d.add(new IntPoint("pd", Integer.parseInt(f.get(4))));
        for (String sub : f.get(5).split(" "))
          if (!sub.isEmpty()) d.add(new StringField("ipc", sub, Field.Store.NO));
        d.add(new TextField("title", f.get(6), Field.Store.YES));
        d.add(new TextField("abstract", f.get(7), Field.Store.NO));
        d.add(new TextField("claims", f.get(8), Field.Store.NO));
        if (!f.get(9).isEmpty()) d.add(new TextField("description", f.get(9), Field.Store.NO));
        w.addDocument(d);
        ++n;
      }
      w.commit();
      final double m0 = System.nanoTime() / 1e9, mc0 = processCpuSeconds();
      w.forceMerge(1);
      w.commit();
      mw = System.nanoTime() / 1e9 - m0;
      mc = processCpuSeconds() - mc0;
    }
    final double wall = System.nanoTime() / 1e9 - w0, cpu = processCpuSeconds() - c0;
    int segments;
    try (Directory dir = FSDirectory.open(indexDir); DirectoryReader r = DirectoryReader.open(dir)) {
      segments = r.leaves().size();
    }
    System.out.printf(java.util.Locale.ROOT, "lucene-index docs=%d wall=%.6f cpu=%.6f merge_wall=%.6f merge_cpu=%.6f bytes=%d segments=%d%n",
                      n, wall, cpu, mw, mc, dirBytes(indexDir), segments);
  }

  // One query of the mix: its text query and its filters.
  static final class BenchQuery {
    String text;
    List<Query> filters = new ArrayList<>();
  }

  static BenchQuery parseLine(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 3) throw new IllegalArgumentException("a query line has " + f.length + " fields, not 3: " + line);
    BenchQuery q = new BenchQuery();
    q.text = f[1];
    for (String c : f[2].split(" ")) {
      if (c.isEmpty()) continue;
      if (c.startsWith("cc=")) q.filters.add(new TermQuery(new Term("cc", c.substring(3))));
      else if (c.startsWith("kd=")) q.filters.add(new TermQuery(new Term("kd", c.substring(3))));
      else if (c.startsWith("ipc=")) q.filters.add(new TermQuery(new Term("ipc", c.substring(4))));
      else if (c.startsWith("pd>=")) q.filters.add(IntPoint.newRangeQuery("pd", Integer.parseInt(c.substring(4)), Integer.MAX_VALUE));
      else if (c.startsWith("pd<")) q.filters.add(IntPoint.newRangeQuery("pd", Integer.MIN_VALUE, Integer.parseInt(c.substring(3)) - 1));
      else if (c.startsWith("pd=")) {
        String[] r = c.substring(3).split("\\.\\.");
        q.filters.add(IntPoint.newRangeQuery("pd", Integer.parseInt(r[0]), Integer.parseInt(r[1])));
      } else throw new IllegalArgumentException("unknown filter " + c);
    }
    return q;
  }

  // The outcome of one run of one query.
  static final class Outcome {
    double ms, cpuMs;
    long total;
    String top = "";
    String error;
  }

  static Outcome run(IndexSearcher s, Analyzer analyzer, BenchQuery bq, ThreadMXBean threads) {
    Outcome o = new Outcome();
    final long w0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
    try {
      MultiFieldQueryParser parser = new MultiFieldQueryParser(TEXT_FIELDS, analyzer);
      parser.setDefaultOperator(QueryParser.Operator.AND);
      Query q = parser.parse(bq.text);
      if (!bq.filters.isEmpty()) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(q, BooleanClause.Occur.MUST);
        for (Query f : bq.filters) b.add(f, BooleanClause.Occur.FILTER);
        q = b.build();
      }
      TopScoreDocCollector c = TopScoreDocCollector.create(TOP_K, Integer.MAX_VALUE);  // exact total
      s.search(q, c);
      TopDocs top = c.topDocs();
      o.total = top.totalHits.value;
      StringBuilder pns = new StringBuilder();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = s.doc(sd.doc);
        d.get("title");  // fetched, as the other engines' hits carry the title
        if (pns.length() > 0) pns.append(',');
        pns.append(d.get("pn"));
      }
      o.top = pns.toString();
    } catch (Exception e) {
      o.error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\t', ' ').replace('\n', ' ');
    }
    o.ms = (System.nanoTime() - w0) / 1e6;
    o.cpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
    return o;
  }

  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
  }

  static void search(Path indexDir, Path queries, Path results) throws IOException {
    List<BenchQuery> mix = new ArrayList<>();
    for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8))
      if (!line.isEmpty()) mix.add(parseLine(line));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Analyzer analyzer = new EnglishAnalyzer();
    try (Directory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(reader);
      double prevP50 = -1, prevP95 = -1, p50 = 0, p95 = 0;
      int passes = 0;
      for (; passes < 30; ) {
        double[] ms = new double[mix.size()];
        for (int i = 0; i < mix.size(); ++i) ms[i] = run(s, analyzer, mix.get(i), threads).ms;
        Arrays.sort(ms);
        p50 = percentile(ms, 0.5);
        p95 = percentile(ms, 0.95);
        ++passes;
        final boolean stable = prevP50 > 0 && Math.abs(p50 - prevP50) <= 0.05 * prevP50 &&
                               Math.abs(p95 - prevP95) <= 0.05 * prevP95;
        if (passes >= 3 && stable) break;
        prevP50 = p50;
        prevP95 = p95;
      }
      try (BufferedWriter out = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
        for (BenchQuery q : mix) {
          Outcome o = run(s, analyzer, q, threads);
          if (o.error != null) out.write("error\t" + o.error + "\n");
          else out.write(String.format(java.util.Locale.ROOT, "%.6f\t%.6f\t%d\t%s%n", o.ms, o.cpuMs, o.total, o.top));
        }
      }
      System.out.printf(java.util.Locale.ROOT, "lucene-search queries=%d warmup_passes=%d last_warm_p50=%.4f last_warm_p95=%.4f%n",
                        mix.size(), passes, p50, p95);
    }
  }
}
