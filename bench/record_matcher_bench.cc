// record_matcher_bench: laying out a chunk of records in a planned
// RecordQueryMatcher, the cost under every watch evaluation of issue 14
// (domain/watch_evaluation.cc MatchChunk: a matcher per chunk of at most
// 250 changed records, made from the plan of the watches' queries). Times
// RecordQueryMatcher::Add through the plan's vocabulary (each distinct word
// worked out once, plan_vocabulary.h) against the baseline it replaced,
// every term of ForEachDocumentTermExcept looked up in the plan's term set
// (Plan::vocabulary null), on the same chunks, and checks that both lay out
// the same postings for every chunk.
//
// The records are generated grants (bibliographic, abstract and claims, no
// description: full_text false, as watch_bench ingests them), read by the
// USPTO reader. The plan is that of W watches drawn as watch_bench's
// AddWatches draws them: 40% saved queries, "TI=word AND IPC=subclass" or
// "TAC=(word AND word)", and the technology watches with words,
// "TAC=(word)", words (six letters or more) and classes taken from the
// records' English titles and IPC.
//
// Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID): the machine
// may be shared, and CPU is what the watch thread's profile showed.
//
// Usage: record_matcher_bench [--docs N] [--watches W] [--chunk C] [--rounds R] [--seed S]
// Exit status 0 when both ways laid out the same postings for every chunk, 1 otherwise.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/random.h"
#include "generator/corpus_generator.h"
#include "index/record_query_matcher.h"
#include "generated_records.h"
#include "sample_terms.h"
#include "readers/byte_source.h"
#include "readers/reader.h"

namespace {

using namespace patnav;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// CPU seconds of the calling thread: what the watch thread spends, and
// what another process on the same cores changes least.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Options {
  uint64_t docs = 5000, watches = 10000, chunk = 250, rounds = 5, seed = 42;
};

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s needs a value\n", argv[i]);
      std::exit(2);
    }
    const uint64_t v = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--docs")) o.docs = v;
    else if (!std::strcmp(argv[i], "--watches")) o.watches = v;
    else if (!std::strcmp(argv[i], "--chunk")) o.chunk = v;
    else if (!std::strcmp(argv[i], "--rounds")) o.rounds = v;
    else if (!std::strcmp(argv[i], "--seed")) o.seed = v;
    else {
      std::fprintf(stderr,
                   "usage: record_matcher_bench [--docs N] [--watches W] [--chunk C] [--rounds R] [--seed S]\n");
      std::exit(2);
    }
    ++i;
  }
  if (o.docs == 0 || o.chunk == 0 || o.rounds == 0) {
    std::fprintf(stderr, "--docs, --chunk and --rounds must be positive\n");
    std::exit(2);
  }
  return o;
}

// The queries of `n` watches as watch_bench's AddWatches draws them (and
// watch_evaluation.cc's PlanOf asks them): its saved queries and its
// technology watches' words.
std::vector<std::string> WatchQueries(const std::vector<PatentRecord>& records, uint64_t n, uint64_t seed) {
  std::set<std::string> word_set, class_set;
  for (const PatentRecord& r : records) bench::AddSampleTerms(r, class_set, word_set);
  const std::vector<std::string> words(word_set.begin(), word_set.end()), classes(class_set.begin(), class_set.end());
  if (words.empty() || classes.empty()) return {};
  Random rng(seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng.Uniform(v.size())]; };
  std::vector<std::string> queries;
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t k = i % 100;
    if (k < 40) {
      queries.push_back((k % 2 == 0) ? "TI=" + pick(words) + " AND IPC=" + pick(classes).substr(0, 4)
                                     : "TAC=(" + pick(words) + " AND " + pick(words) + ")");
    } else if (k >= 65 && k < 85) {
      pick(classes);  // the technology watch's class, as drawn there
      if (k % 3 == 0) queries.push_back("TAC=(" + pick(words) + ")");
    }
  }
  return queries;
}

// Adds every chunk to a matcher of its own made from `plan` (and drops
// it); the thread's CPU seconds taken. With `postings`, each chunk's
// postings are kept there (not timed).
double LayOut(const index::RecordQueryMatcher::Plan& plan, const std::vector<PatentRecord>& records, size_t chunk,
              std::vector<std::map<std::string, std::vector<uint32_t>>>* postings) {
  double seconds = 0;
  for (size_t first = 0; first < records.size(); first += chunk) {
    const double t0 = ThreadCpuSeconds();
    auto m = std::make_unique<index::RecordQueryMatcher>(plan);
    for (size_t i = first; i < std::min(records.size(), first + chunk); ++i)
      if (!m->Add(static_cast<uint32_t>(i - first + 1), records[i]).ok()) std::exit(1);
    if (postings) {
      const double t1 = ThreadCpuSeconds();
      postings->push_back(m->Postings());
      seconds -= ThreadCpuSeconds() - t1;
    }
    m.reset();
    seconds += ThreadCpuSeconds() - t0;
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = Parse(argc, argv);
  const auto g0 = Clock::now();
  const std::vector<PatentRecord> records = bench::GeneratedRecords(o.docs, o.seed, false, "record_matcher_bench");
  const std::vector<std::string> queries = WatchQueries(records, o.watches, o.seed);
  const double generated = Seconds(g0);
  const auto p0 = Clock::now();
  index::RecordQueryMatcher::Plan plan = index::RecordQueryMatcher::PlanFor(queries);
  const double planned = Seconds(p0);
  if (!plan.terms || !plan.vocabulary) {
    std::fprintf(stderr, "record_matcher_bench: the watches' queries made no plan\n");
    return 1;
  }
  index::RecordQueryMatcher::Plan baseline = plan;
  baseline.vocabulary = nullptr;
  std::printf("%zu generated grants (no description) in %.1f s; %zu queries of %llu watches, planned in %.2f s: "
              "%zu terms, fields left out: %zu\n",
              records.size(), generated, queries.size(), static_cast<unsigned long long>(o.watches), planned,
              plan.terms->size(), plan.skip ? plan.skip->size() : 0);

  // The first pass, the vocabulary empty at its start (a fresh plan, as
  // after a watch changes), also checks the postings chunk by chunk.
  std::vector<std::map<std::string, std::vector<uint32_t>>> fast_postings, slow_postings;
  const double first_fast = LayOut(plan, records, o.chunk, &fast_postings);
  const double first_slow = LayOut(baseline, records, o.chunk, &slow_postings);
  size_t differ = 0, posted = 0;
  for (size_t c = 0; c < fast_postings.size(); ++c) {
    differ += fast_postings[c] != slow_postings[c];
    for (const auto& [term, ids] : slow_postings[c]) posted += ids.size();
  }
  double best_fast = first_fast, best_slow = first_slow;
  for (uint64_t r = 1; r < o.rounds; ++r) {
    best_fast = std::min(best_fast, LayOut(plan, records, o.chunk, nullptr));
    best_slow = std::min(best_slow, LayOut(baseline, records, o.chunk, nullptr));
  }
  const double n = static_cast<double>(records.size());
  std::printf("Add of chunks of %llu records, a matcher per chunk, thread CPU time; best of %llu rounds:\n",
              static_cast<unsigned long long>(o.chunk), static_cast<unsigned long long>(o.rounds));
  std::printf("  plan vocabulary (word by word)          %9.0f records/s  (first pass, vocabulary empty: %9.0f)\n",
              n / best_fast, n / first_fast);
  std::printf("  baseline: term by term in the term set  %9.0f records/s  (first pass:                    %9.0f)\n",
              n / best_slow, n / first_slow);
  std::printf("  ratio %.2fx (first pass %.2fx); postings laid out %zu in %zu chunks, chunks that differ: %zu\n",
              best_slow / best_fast, first_slow / first_fast, posted, fast_postings.size(), differ);
  return differ == 0 ? 0 : 1;
}
