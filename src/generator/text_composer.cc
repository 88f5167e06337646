// Writes synthetic patent text (see text_composer.h). Sentences come from
// templates whose $-tokens are bound, per sentence, to the document's picks;
// parallel English/Chinese templates share the bindings, so the Chinese text
// translates the English.
//
// Tokens: $a article for what follows; $H head; $h head with "method" for
// method heads; $X product; $D field;
// $Q background problem; $Cn component; $Bn component with its reference
// numeral; $An adjective; $Vn/$Gn/$Pn action base/gerund/participle;
// $RnCm (or $RnBm) relation n with component m as object; $Mn parameter name;
// $Nn value; $Wn range; $Ln/$Un range ends; $En/$Fn effect base/gerund;
// $K figure reference; $S step label; $I small integer.
#include "generator/text_composer.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>
#include <span>

#include "generator/sampling.h"

namespace patnav::gen {

namespace {

using SV = std::string_view;

enum class Lang { kEn, kZh };

struct Pair {
  SV en;
  SV zh;
};

// ------------------------------------------------------------------ templates
constexpr Pair kProductTitles[] = {
    {"$A0 $H and method for manufacturing the same", "一种$A0$H及其制备方法"},
    {"$H, method for manufacturing the same, and $X", "$H及其制备方法和$X"},
    {"$H having $a $A0 $C0", "具有$A0$C0的$H"},
    {"$H comprising $C0 and $C1", "包含$C0和$C1的$H"},
    {"$H for $F0", "用于$E0的$H"},
    {"$H, $X including the same, and method for $G0 the same", "$H、包含其的$X及其$V0方法"},
    {"$A0 $H with improved $M0", "一种$M0改善的$A0$H"},
    {"$H with $A0 $C0 and $X using the same", "具有$A0$C0的$H及使用其的$X"},
};
constexpr Pair kMethodTitles[] = {
    {"$H method and apparatus", "$H方法及装置"},
    {"$H method, device, and storage medium", "$H方法、装置及存储介质"},
    {"Method for $H based on $A0 $C0", "基于$A0$C0的$H方法"},
    {"$H method using $C0, and electronic device", "采用$C0的$H方法及电子设备"},
    {"System and method for $H with $C0", "具有$C0的$H系统及方法"},
    {"Method and system for $G0 $C0 in $H", "$H中的$C0$V0方法及系统"},
    {"$A0 $H method, apparatus, and computer program product", "$A0$H方法、装置及计算机程序产品"},
};

constexpr Pair kProductAbstractOpen[] = {
    {"$a $H includes $a $C0, $a $C1, and $a $C2.", "本发明公开了一种$H，包括$C0、$C1和$C2。"},
    {"$a $H is provided, which includes $a $A0 $C0 and $a $C1 that $R0C0.",
     "本发明提供了一种$H，包括$A0$C0和$C1，所述$C1$R0C0。"},
};
constexpr Pair kMethodAbstractOpen[] = {
    {"$a $H method includes: $G0 $a $C0; $G1 the $C0 by using $a $C1 to obtain $a $C2; and $G2 $a $C3 "
     "according to the $C2.",
     "本发明公开了一种$H方法，包括：$V0$C0；利用$C1对所述$C0进行$V1，得到$C2；以及根据所述$C2$V2$C3。"},
    {"$a $H method is disclosed, in which $a $C0 is $P0, $a $M0 of the $C0 is determined, and $a $C1 is $P1 "
     "according to the $M0.",
     "本发明公开了一种$H方法，其中对$C0进行$V0，确定所述$C0的$M0，并根据所述$M0对$C1进行$V1。"},
};
constexpr Pair kProductAbstractMiddle[] = {
    {"The $C0 $R0C1, and the $C2 is configured to $V0 the $C3.", "所述$C0$R0C1，所述$C2用于$V0所述$C3。"},
    {"The $M0 of the $C0 is $W0.", "所述$C0的$M0为$W0。"},
    {"The $C0 includes $a $A0 $C1 that $R0C2.", "所述$C0包括$A0$C1，所述$C1$R0C2。"},
    {"When the $M0 of the $C0 exceeds $N0, the $C1 is $P0 so as to $E0.",
     "当所述$C0的$M0超过$N0时，对所述$C1进行$V0，以$E0。"},
    {"The $C0 and the $C1 are $P0 together to form $a $A0 $C2.", "所述$C0与所述$C1经$V0后形成$A0$C2。"},
    {"The $C0 is made of $a $A0 material and has $a $M0 of $W0.", "所述$C0由$A0材料制成，其$M0为$W0。"},
};
constexpr Pair kMethodAbstractMiddle[] = {
    {"The $C0 $R0C1.", "所述$C0$R0C1。"},
    {"The $M0 is determined according to the $C0 and is $W0.", "所述$M0根据所述$C0确定，且为$W0。"},
    {"In response to the $M0 exceeding $N0, the $C0 is $P0 and the $C1 is $P1.",
     "响应于$M0超过$N0，对所述$C0进行$V0，并对所述$C1进行$V1。"},
    {"The $C0 is $P0 by $a $A0 $C1 before being sent to the $C2.",
     "所述$C0在被发送至所述$C2之前由$A0$C1进行$V0。"},
    {"The $C1 is obtained by $G0 the $C0 with $a $A0 $C2.", "利用$A0$C2对所述$C0进行$V0，得到所述$C1。"},
};
constexpr Pair kProductAbstractClose[] = {
    {"By $G0 the $C0, the $H can $E0 and $E1.", "通过对所述$C0进行$V0，本发明能够$E0，并且能够$E1。"},
    {"The $H can $E0, and $a $X including the $H is further provided.",
     "本发明能够$E0，本发明还提供了包含所述$H的$X。"},
};
constexpr Pair kMethodAbstractClose[] = {
    {"The method can $E0 and $E1.", "该方法能够$E0，并且能够$E1。"},
    {"The method can $E0. An apparatus, an electronic device, and a storage medium are also provided.",
     "该方法能够$E0。本发明还提供了相应的装置、电子设备及存储介质。"},
};

constexpr Pair kProductElements[] = {
    {"$a $C0", "$C0"},
    {"$a $C0 that $R0C1", "$C0，所述$C0$R0C1"},
    {"$a $C0 configured to $V0 the $C1", "$C0，所述$C0用于$V0所述$C1"},
    {"$a $A0 $C0 having $a $M0 of $W0", "$A0$C0，所述$A0$C0的$M0为$W0"},
    {"$a $C0 comprising $a $A0 $C1", "$C0，所述$C0包括$A0$C1"},
};
constexpr Pair kMethodSteps[] = {
    {"$G0 $a $C0", "$V0$C0"},
    {"$G0 the $C0 by using $a $C1 to obtain $a $C2", "利用$C1对$C0进行$V0，得到$C2"},
    {"determining $a $M0 of the $C0 according to the $C1", "根据$C1确定$C0的$M0"},
    {"$G0 $a $C0 at $a $M0 of $W0", "在$M0为$W0的条件下$V0$C0"},
    {"in response to the $M0 exceeding $N0, $G0 $a $C0", "响应于$M0超过$N0，$V0$C0"},
};
constexpr SV kDeviceSteps[] = {
    "$V0 $a $C0",
    "$V0 the $C0 by using $a $C1 to obtain $a $C2",
    "determine $a $M0 of the $C0 according to the $C1",
    "in response to the $M0 exceeding $N0, $V0 the $C0",
    "$V0 the $C0 based on the $C1",
};

constexpr SV kProductDependents[] = {
    ", wherein the $C0 $R0C1.",
    ", wherein the $M0 of the $C0 is $W0.",
    ", wherein the $C0 comprises $a $A0 $C1.",
    ", further comprising $a $C0 configured to $V0 the $C1.",
    ", wherein the $C0 is $P0 by $G1 the $C1.",
    ", wherein the $C0 is selected from $a $A0 $C1, $a $C2, or a combination thereof.",
    ", wherein the $C0 and the $C1 are $P0 together.",
};
constexpr SV kMethodDependents[] = {
    ", wherein the $G0 of the $C0 comprises $G1 the $C0 based on the $C1.",
    ", further comprising: $G0 the $C0 in response to the $M0 exceeding $N0.",
    ", wherein the $M0 is $W0.",
    ", wherein the $C0 $R0C1.",
    ", wherein the $C1 is obtained by $G0 $a $A0 $C0.",
    ", further comprising $G0 the $C0 and $G1 the $C1 in sequence.",
};
constexpr SV kDeviceDependents[] = {
    ", wherein the instructions further cause the processor to $V0 the $C0 based on the $C1.",
    ", wherein the $M0 is $W0.",
    ", wherein the $C0 $R0C1.",
    ", wherein the processor is further configured to $V0 the $C0 when the $M0 exceeds $N0.",
};

constexpr SV kBackgroundOpen[] = {
    "With the rapid development of $D, $a $C0 and $a $C1 have been widely studied and applied.",
    "$D has attracted increasing attention in recent years, and the $C0 plays an important role in it.",
    "In $D, the $C0 is a key element that determines the performance of $a $X.",
};
constexpr SV kBackground[] = {
    "However, $Q.",
    "In addition, $Q.",
    "Moreover, $Q.",
    "In the related art, the $C0 is usually $P0 by $G1 the $C1, which makes it difficult to $E0.",
    "Existing solutions attempt to $E0 by increasing the $M0 of the $C0, but this often fails to $E1.",
    "As a result, the performance of the $C0 deteriorates when the $M0 exceeds $N0.",
};
constexpr SV kBody[] = {
    "As shown in $K, the $B0 $R0B1.",
    "In some embodiments, the $B0 includes $a $A0 $C1, and the $C1 $R1B2.",
    "The $M0 of the $B0 may be $W0, for example, $N0.",
    "When the $M0 is less than $L0, the $B0 may fail to $E0; when the $M0 is greater than $U0, the $B1 is "
    "prone to degradation.",
    "Specifically, the $B0 is configured to $V0 the $B1 and to $V1 the $C2 based on the $M0.",
    "It should be noted that the $A0 $C0 is merely an example, and other types of $C1 may also be used in other "
    "embodiments.",
    "In this way, the $B0 can $E0 while $F1.",
    "Optionally, the $B0 and the $B1 are $P0 in sequence to form the $C2.",
    "The $B0 may be $P0 at $a $M1 of $N1.",
    "Referring to $K, in step $S, the $B0 is $P0 by the $B1.",
    "Those skilled in the art will appreciate that the $C0 may be $P0 in various ways without departing from the "
    "scope of the present disclosure.",
    "Compared with the related art, the $A0 $C0 can $E0, and the $C1 can further $E1.",
    "The $B0 is provided with $a $C1, and the $C1 $R0B2.",
    "In step $S, the $C0 is $P0 to obtain $a $A0 $C1.",
    "For example, the $C0 may be selected from $a $A0 $C1, $a $C2, or a combination thereof.",
    "In an embodiment, the $M0 of the $B0 is controlled within $W0, which helps to $E0.",
    "The $B0 $R0B1, so that the $C2 can be $P1 more efficiently.",
    "In another embodiment, the $B0 is omitted, and the $B1 $R0C2 directly.",
    "Further, the $C0 and the $C1 may be integrated into a single $A0 $C2.",
    "As can be seen from $K, the $M0 of the $C0 decreases as the $M1 increases.",
    "The $B0 may communicate with the $B1 through $a $A0 $C2.",
    "In the embodiments of the present disclosure, the $B0 and the $B1 are arranged such that the $M0 remains "
    "within $W0.",
    "Therefore, the $h provided in this embodiment can $E0.",
    "It can be understood that the $B0 may also be $P0 before the $C1 is $P1, which does not affect the "
    "implementation of this embodiment.",
};
constexpr SV kExample[] = {
    "The $C0 was $P0 at $a $M0 of $N0 and then $P1 with the $C1 to obtain the $C2.",
    "The $M1 of the obtained $C2 was measured to be $N1.",
    "The $C0 and the $C1 were $P0 in a mass ratio of $I:1, and the resulting mixture was $P1.",
    "The $C0 was further $P0 for $I hours, and the $M0 was maintained at $N0.",
};
constexpr SV kComparative[] = {
    "This comparative example differs from Example 1 in that the $C0 was not $P0.",
    "The $M0 of the $C0 obtained in this comparative example was $N0.",
};
constexpr SV kFigureKinds[] = {
    "is a schematic structural diagram of $a $C0 according to an embodiment of the present disclosure",
    "is a flowchart of a method for $G0 $a $C0 according to an embodiment of the present disclosure",
    "is a cross-sectional view of the $C0 shown in FIG. 1",
    "is a block diagram of $a $C0 according to another embodiment of the present disclosure",
    "is a graph showing the $M0 of the $C0 in Example 1 and Comparative Example 1",
    "is an exploded view of $a $A0 $C0 according to an embodiment of the present disclosure",
    "is a schematic diagram of a connection between the $C0 and the $C1",
};

// ------------------------------------------------------------------ renderer

struct ParamBinding {
  int8_t pick = -1;
  bool has_range = false;
  bool has_value = false;
  int lo = 0, hi = 0, value = 0;
};

void AppendScaled(std::string& out, int n, int scale) {
  if (n < 0) {
    out += '-';
    n = -n;
  }
  if (scale <= 1) {
    out += std::to_string(n);
    return;
  }
  out += std::to_string(n / scale);
  int digits = 0;
  for (int s = scale; s > 1; s /= 10) ++digits;
  std::string frac = std::to_string(n % scale);
  frac.insert(0, static_cast<size_t>(digits) - frac.size(), '0');
  while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
  out += '.';
  out += frac;
}

class Renderer {
 public:
  Renderer(const TermPicks& picks, Random& rng, int figures = 1) : p_(picks), rng_(rng), figures_(figures) {
    Begin();
  }

  // Forgets the bindings: the next sentence may talk about other terms.
  void Begin() {
    comp_.fill(-1);
    adj_.fill(-1);
    act_.fill(-1);
    rel_.fill(-1);
    eff_.fill(-1);
    param_.fill(ParamBinding{});
  }

  // Component slot 0 of later sentences avoids the components that slot 0
  // took since the last ResetAvoid (claim elements introduce new things).
  void ResetAvoid() { avoid_ = 0; }
  void AvoidSlotZero() {
    if (comp_[0] >= 0) avoid_ |= 1u << comp_[0];
  }

  // Renders `tmpl`; English sentences get a capital first letter.
  void Render(std::string& out, SV tmpl, Lang lang, bool capitalize = false) {
    const size_t start = out.size();
    lang_ = lang;
    out_ = &out;
    size_t i = 0;
    while (i < tmpl.size()) {
      const size_t dollar = tmpl.find('$', i);
      if (dollar == SV::npos) {
        Emit(tmpl.substr(i));
        break;
      }
      if (dollar > i) Emit(tmpl.substr(i, dollar - i));
      i = Token(tmpl, dollar + 1);
    }
    if (capitalize && lang == Lang::kEn && start < out.size() && out[start] >= 'a' && out[start] <= 'z') {
      out[start] = static_cast<char>(out[start] - 'a' + 'A');
    }
  }

 private:
  const AreaVocabulary& v() const { return *p_.vocab; }

  void Emit(SV text) {
    if (text.empty()) return;
    if (article_) {
      article_ = false;
      *out_ += ArticleFor(text);
      *out_ += ' ';
    }
    *out_ += text;
  }

  template <size_t N, size_t M>
  int Bind(std::array<int8_t, N>& slots, int slot, const uint8_t (&pool)[M], uint32_t avoid = 0) {
    if (slots[static_cast<size_t>(slot)] < 0) {
      int8_t pick = static_cast<int8_t>(rng_.Uniform(M));
      for (int attempt = 0; attempt < 8; ++attempt) {
        if (std::find(slots.begin(), slots.end(), pick) == slots.end() && !((avoid >> pick) & 1u)) break;
        pick = static_cast<int8_t>(rng_.Uniform(M));
      }
      slots[static_cast<size_t>(slot)] = pick;
    }
    return pool[slots[static_cast<size_t>(slot)]];
  }

  int Component(int slot) { return Bind(comp_, slot, p_.comps, slot == 0 ? avoid_ : 0u); }
  int ComponentPick(int slot) {
    Component(slot);
    return comp_[static_cast<size_t>(slot)];
  }

  void EmitComponent(int slot, bool numeral) {
    const Term& t = v().components[static_cast<size_t>(Component(slot))];
    if (lang_ == Lang::kZh) {
      Emit(t.zh);
      return;
    }
    Emit(t.en);
    if (numeral) {
      *out_ += " <b>";
      *out_ += std::to_string(102 + 2 * ComponentPick(slot));
      *out_ += "</b>";
    }
  }

  ParamBinding& Param(int slot) {
    ParamBinding& b = param_[static_cast<size_t>(slot)];
    if (b.pick < 0) {
      int8_t pick = static_cast<int8_t>(rng_.Uniform(std::size(p_.params)));
      for (int attempt = 0; attempt < 4; ++attempt) {
        bool used = false;
        for (const ParamBinding& o : param_) used |= o.pick == pick;
        if (!used) break;
        pick = static_cast<int8_t>(rng_.Uniform(std::size(p_.params)));
      }
      b.pick = pick;
    }
    return b;
  }
  const struct Param& ParamTerm(const ParamBinding& b) const {
    return v().params[p_.params[static_cast<size_t>(b.pick)] % v().params.size()];
  }
  void EnsureRange(ParamBinding& b) {
    if (b.has_range) return;
    const struct Param& t = ParamTerm(b);
    const int span = t.hi - t.lo;
    b.lo = t.lo + static_cast<int>(rng_.Uniform(static_cast<uint64_t>(span / 2 + 1)));
    b.hi = b.lo + 1 + static_cast<int>(rng_.Uniform(static_cast<uint64_t>(std::max(1, t.hi - b.lo))));
    b.has_range = true;
  }
  void EnsureValue(ParamBinding& b) {
    if (b.has_value) return;
    const struct Param& t = ParamTerm(b);
    const int lo = b.has_range ? b.lo : t.lo;
    const int hi = b.has_range ? b.hi : t.hi;
    b.value = lo + static_cast<int>(rng_.Uniform(static_cast<uint64_t>(hi - lo + 1)));
    b.has_value = true;
  }
  void EmitQuantity(const struct Param& t, int n) {
    article_ = false;
    AppendScaled(*out_, n, t.scale);
    if (t.unit.empty()) return;
    const bool tight = lang_ == Lang::kZh || t.unit == "%" || t.unit == "°C";
    if (!tight) *out_ += ' ';
    *out_ += t.unit;
  }

  static int Digit(SV tmpl, size_t i) { return i < tmpl.size() && tmpl[i] >= '0' && tmpl[i] <= '9' ? tmpl[i] - '0' : 0; }

  // Renders the token after '$' at `i`; returns the index after it.
  size_t Token(SV tmpl, size_t i) {
    const char c = tmpl[i];
    const int d = Digit(tmpl, i + 1);
    const bool zh = lang_ == Lang::kZh;
    switch (c) {
      case 'a':
        if (!zh) article_ = true;
        return i + 1 < tmpl.size() && tmpl[i + 1] == ' ' ? i + 2 : i + 1;
      case 'H': Emit(zh ? p_.head->term.zh : p_.head->term.en); return i + 1;
      case 'h':
        Emit(zh ? p_.head->term.zh : p_.head->term.en);
        if (p_.head->kind == HeadKind::kMethod) Emit(zh ? "方法" : " method");
        return i + 1;
      case 'X': {
        const Term& t = v().products[p_.product % v().products.size()];
        Emit(zh ? t.zh : t.en);
        return i + 1;
      }
      case 'D': Emit(zh ? v().field.zh : v().field.en); return i + 1;
      case 'Q': Emit(v().problems[p_.problems[rng_.Uniform(3)] % v().problems.size()]); return i + 1;
      case 'C': EmitComponent(d, false); return i + 2;
      case 'B': EmitComponent(d, true); return i + 2;
      case 'A': {
        const Term& t = v().adjectives[static_cast<size_t>(Bind(adj_, d, p_.adjs)) % v().adjectives.size()];
        Emit(zh ? t.zh : t.en);
        return i + 2;
      }
      case 'V':
      case 'G':
      case 'P': {
        const Action& t = v().actions[static_cast<size_t>(Bind(act_, d, p_.acts)) % v().actions.size()];
        Emit(zh ? t.zh : c == 'V' ? t.base : c == 'G' ? t.ing : t.pp);
        return i + 2;
      }
      case 'R': {
        const Term& t = v().relations[static_cast<size_t>(Bind(rel_, d, p_.rels)) % v().relations.size()];
        const char kind = i + 2 < tmpl.size() ? tmpl[i + 2] : 'C';
        const int obj = Digit(tmpl, i + 3);
        const SV text = zh ? t.zh : t.en;
        const size_t pct = text.find('%');
        Emit(text.substr(0, pct));
        if (pct != SV::npos) {
          Emit(zh ? "所述" : "the ");
          EmitComponent(obj, kind == 'B');
          Emit(text.substr(pct + 1));
        }
        return i + 4;
      }
      case 'M': {
        const struct Param& t = ParamTerm(Param(d));
        Emit(zh ? t.zh : t.en);
        return i + 2;
      }
      case 'N': {
        ParamBinding& b = Param(d);
        EnsureValue(b);
        EmitQuantity(ParamTerm(b), b.value);
        return i + 2;
      }
      case 'W': {
        ParamBinding& b = Param(d);
        EnsureRange(b);
        const struct Param& t = ParamTerm(b);
        if (zh) {
          AppendScaled(*out_, b.lo, t.scale);
          *out_ += "～";
          EmitQuantity(t, b.hi);
        } else {
          EmitQuantity(t, b.lo);
          *out_ += " to ";
          EmitQuantity(t, b.hi);
        }
        return i + 2;
      }
      case 'L':
      case 'U': {
        ParamBinding& b = Param(d);
        EnsureRange(b);
        EmitQuantity(ParamTerm(b), c == 'L' ? b.lo : b.hi);
        return i + 2;
      }
      case 'E':
      case 'F': {
        const Term& t = v().effects[static_cast<size_t>(Bind(eff_, d, p_.effects)) % v().effects.size()];
        if (zh) {
          Emit(t.zh);
        } else if (c == 'E') {
          Emit(t.en);
        } else {
          std::string g;
          AppendGerundPhrase(g, t.en);
          Emit(g);
        }
        return i + 2;
      }
      case 'K': {
        article_ = false;
        *out_ += "<figref idref=\"DRAWINGS\">FIG. ";
        *out_ += std::to_string(1 + rng_.Uniform(static_cast<uint64_t>(std::max(1, figures_))));
        *out_ += "</figref>";
        return i + 1;
      }
      case 'S':
        *out_ += "S10";
        *out_ += static_cast<char>('1' + rng_.Uniform(8));
        return i + 1;
      case 'I': *out_ += static_cast<char>('2' + rng_.Uniform(8)); return i + 1;
      default: *out_ += '$'; return i;
    }
  }

  const TermPicks& p_;
  Random& rng_;
  int figures_;
  Lang lang_ = Lang::kEn;
  std::string* out_ = nullptr;
  bool article_ = false;
  uint32_t avoid_ = 0;
  std::array<int8_t, 10> comp_;
  std::array<int8_t, 4> adj_;
  std::array<int8_t, 5> act_;
  std::array<int8_t, 4> rel_;
  std::array<int8_t, 4> eff_;
  std::array<ParamBinding, 4> param_;
};

size_t CountWords(SV s) {
  size_t n = s.empty() ? 0 : 1;
  for (char c : s) n += c == ' ';
  return n;
}

template <size_t N>
const Pair& PickPair(Random& rng, const Pair (&items)[N]) {
  return items[rng.Uniform(N)];
}
template <size_t N>
SV PickSV(Random& rng, const SV (&items)[N]) {
  return items[rng.Uniform(N)];
}

// Fills `picks` with `M` distinct indices below `n` (repeats once n < M).
template <size_t M>
void DrawDistinct(Random& rng, size_t n, uint8_t (&picks)[M]) {
  for (size_t i = 0; i < M; ++i) {
    uint8_t v = static_cast<uint8_t>(rng.Uniform(n));
    for (int attempt = 0; attempt < 8 && i < n; ++attempt) {
      if (std::find(picks, picks + i, v) == picks + i) break;
      v = static_cast<uint8_t>(rng.Uniform(n));
    }
    picks[i] = v;
  }
}

enum class ClaimKind { kProduct, kMethod, kMakingMethod, kDevice, kMedium, kSystem };

void AppendElementPunctuation(std::string& en, std::string& zh, size_t i, size_t n) {
  if (i + 1 == n) {
    en += '.';
    zh += "。";
  } else if (i + 2 == n) {
    en += "; and";
    zh += "；以及";
  } else {
    en += ';';
    zh += "；";
  }
}

void AppendHeading(std::string& out, int& heading, SV text, int level = 1) {
  char id[8];
  std::snprintf(id, sizeof id, "%04d", heading++);
  out += "<heading id=\"h-";
  out += id;
  out += "\" level=\"";
  out += static_cast<char>('0' + level);
  out += "\">";
  out += text;
  out += "</heading>\n";
}

class ParagraphWriter {
 public:
  ParagraphWriter(std::string& out, int first) : out_(out), next_(first) {}
  void Open() {
    char buf[48];
    std::snprintf(buf, sizeof buf, "<p id=\"p-%04d\" num=\"%04d\">", next_, next_ - 1);
    out_ += buf;
    ++next_;
  }
  void Close() { out_ += "</p>\n"; }

 private:
  std::string& out_;
  int next_;
};

// A results table comparing the examples, as USPTO files embed them.
void AppendResultsTable(std::string& out, const TermPicks& picks, Random& rng, int examples) {
  const AreaVocabulary& v = *picks.vocab;
  const Param& a = v.params[picks.params[0] % v.params.size()];
  const Param& b = v.params[picks.params[1] % v.params.size()];
  out += "\n<tables id=\"TABLE-US-00001\" num=\"00001\">\n<table frame=\"none\" colsep=\"0\" rowsep=\"0\" "
         "pgwide=\"1\">\n<tgroup align=\"left\" colsep=\"0\" rowsep=\"0\" cols=\"3\">\n"
         "<colspec colname=\"1\" colwidth=\"112pt\" align=\"left\"/>\n"
         "<colspec colname=\"2\" colwidth=\"105pt\" align=\"center\"/>\n"
         "<colspec colname=\"3\" colwidth=\"105pt\" align=\"center\"/>\n<thead>\n"
         "<row>\n<entry namest=\"1\" nameend=\"3\" rowsep=\"1\">TABLE 1</entry>\n</row>\n<row>\n<entry>Sample</entry>\n";
  for (const Param* p : {&a, &b}) {
    out += "<entry>";
    out += p->en;
    if (!p->unit.empty()) {
      out += " (";
      out += p->unit;
      out += ')';
    }
    out += "</entry>\n";
  }
  out += "</row>\n<row>\n<entry namest=\"1\" nameend=\"3\" align=\"center\" rowsep=\"1\"/>\n</row>\n</thead>\n"
         "<tbody valign=\"top\">\n";
  for (int e = 1; e <= examples + 1; ++e) {
    out += "<row>\n<entry>";
    out += e <= examples ? "Example " + std::to_string(e) : std::string("Comparative Example 1");
    out += "</entry>\n";
    for (const Param* p : {&a, &b}) {
      out += "<entry>";
      AppendScaled(out, p->lo + static_cast<int>(rng.Uniform(static_cast<uint64_t>(p->hi - p->lo + 1))), p->scale);
      out += "</entry>\n";
    }
    out += "</row>\n";
  }
  out += "<row>\n<entry namest=\"1\" nameend=\"3\" align=\"center\" rowsep=\"1\"/>\n</row>\n</tbody>\n</tgroup>\n"
         "</table>\n</tables>\n";
}

}  // namespace

TextComposer::TextComposer(Random& rng, int area, const Head& head) {
  picks_.vocab = &VocabularyFor(area);
  picks_.head = &head;
  picks_.area = area;
  const AreaVocabulary& v = *picks_.vocab;
  DrawDistinct(rng, v.components.size(), picks_.comps);
  DrawDistinct(rng, v.adjectives.size(), picks_.adjs);
  DrawDistinct(rng, v.actions.size(), picks_.acts);
  DrawDistinct(rng, v.relations.size(), picks_.rels);
  DrawDistinct(rng, v.params.size(), picks_.params);
  DrawDistinct(rng, v.effects.size(), picks_.effects);
  DrawDistinct(rng, v.problems.size(), picks_.problems);
  picks_.product = static_cast<uint8_t>(rng.Uniform(v.products.size()));
}

void TextComposer::Compose(Random& rng, DocText& out, bool all_claims) const {
  Renderer r(picks_, rng);
  const bool method = picks_.head->kind == HeadKind::kMethod;

  // Titles have 5-15 words, abstracts 80-200; there are 5-30 claims, 1-3 of
  // them independent, each dependent one referring to an earlier claim of
  // its group.
  for (int attempt = 0; attempt < 12; ++attempt) {
    r.Begin();
    out.title_en.clear();
    out.title_zh.clear();
    const Pair& t = method ? PickPair(rng, kMethodTitles) : PickPair(rng, kProductTitles);
    r.Render(out.title_en, t.en, Lang::kEn, true);
    r.Render(out.title_zh, t.zh, Lang::kZh);
    const size_t words = CountWords(out.title_en);
    if (words >= 5 && words <= 15) break;
  }

  out.abstract_en.clear();
  out.abstract_zh.clear();
  const size_t target = 80 + rng.Uniform(121);
  auto sentence = [&](const Pair& p) {
    r.Begin();
    if (!out.abstract_en.empty()) out.abstract_en += ' ';
    r.Render(out.abstract_en, p.en, Lang::kEn, true);
    r.Render(out.abstract_zh, p.zh, Lang::kZh);
  };
  auto middle = [&] {
    sentence(method ? PickPair(rng, kMethodAbstractMiddle) : PickPair(rng, kProductAbstractMiddle));
  };
  sentence(method ? PickPair(rng, kMethodAbstractOpen) : PickPair(rng, kProductAbstractOpen));
  std::string close_en, close_zh;
  r.Begin();
  const Pair& close = method ? PickPair(rng, kMethodAbstractClose) : PickPair(rng, kProductAbstractClose);
  r.Render(close_en, close.en, Lang::kEn, true);
  r.Render(close_zh, close.zh, Lang::kZh);
  const size_t close_words = CountWords(close_en);
  while (CountWords(out.abstract_en) + close_words + 30 <= target ||
         CountWords(out.abstract_en) + close_words < 80) {
    middle();
  }
  out.abstract_en += ' ';
  out.abstract_en += close_en;
  out.abstract_zh += close_zh;

  const int n = rng.Bernoulli(0.25) ? 20 : 5 + static_cast<int>(rng.Uniform(26));
  int groups = 1 + static_cast<int>(PickWeighted(rng, {35, 35, 30}));
  groups = std::min(groups, std::max(1, n / 4));
  std::vector<int> starts{1};
  {
    const int first = std::max(1, n * (50 + static_cast<int>(rng.Uniform(21))) / 100);
    const int rest = n - first;
    for (int g = 1; g < groups; ++g) starts.push_back(first + 1 + rest * (g - 1) / (groups - 1));
  }
  out.claims.clear();
  out.claims.reserve(static_cast<size_t>(n));
  for (int g = 0; g < groups; ++g) {
    const int begin = starts[static_cast<size_t>(g)];
    const int end = g + 1 < groups ? starts[static_cast<size_t>(g) + 1] : n + 1;
    ClaimKind kind;
    if (g == 0) {
      kind = method ? ClaimKind::kMethod : ClaimKind::kProduct;
    } else if (g == 1) {
      kind = method ? ClaimKind::kDevice : ClaimKind::kMakingMethod;
    } else {
      kind = method ? ClaimKind::kMedium : ClaimKind::kSystem;
    }
    ClaimText indep;
    indep.num = begin;
    std::string zh;
    r.Begin();
    switch (kind) {
      case ClaimKind::kProduct:
        r.Render(indep.preamble, "$a $H, comprising:", Lang::kEn, true);
        r.Render(zh, "一种$H，其特征在于，包括：", Lang::kZh);
        break;
      case ClaimKind::kMethod:
        r.Render(indep.preamble, "$a $H method, comprising:", Lang::kEn, true);
        r.Render(zh, "一种$H方法，其特征在于，包括：", Lang::kZh);
        break;
      case ClaimKind::kMakingMethod:
        r.Render(indep.preamble, "A method for manufacturing $a $H, the method comprising:", Lang::kEn);
        break;
      case ClaimKind::kDevice:
        indep.preamble =
            "An electronic device, comprising: a processor; and a memory storing instructions that, when executed "
            "by the processor, cause the electronic device to:";
        break;
      case ClaimKind::kMedium:
        indep.preamble =
            "A non-transitory computer-readable storage medium storing a computer program that, when executed by "
            "a processor, causes the processor to:";
        break;
      case ClaimKind::kSystem:
        r.Render(indep.preamble, "$a $X, comprising:", Lang::kEn, true);
        break;
    }
    const size_t elements = 3 + rng.Uniform(kind == ClaimKind::kProduct || kind == ClaimKind::kSystem ? 4 : 3);
    r.ResetAvoid();
    for (size_t e = 0; e < elements; ++e) {
      r.AvoidSlotZero();
      r.Begin();
      std::string en, ezh;
      switch (kind) {
        case ClaimKind::kProduct:
        case ClaimKind::kSystem: {
          const Pair& p = (kind == ClaimKind::kSystem && e == 0) ? Pair{"$a $H", "$H"} : PickPair(rng, kProductElements);
          r.Render(en, p.en, Lang::kEn);
          r.Render(ezh, p.zh, Lang::kZh);
          break;
        }
        case ClaimKind::kMethod:
        case ClaimKind::kMakingMethod: {
          const Pair& p = PickPair(rng, kMethodSteps);
          r.Render(en, p.en, Lang::kEn);
          r.Render(ezh, p.zh, Lang::kZh);
          break;
        }
        case ClaimKind::kDevice:
        case ClaimKind::kMedium: r.Render(en, PickSV(rng, kDeviceSteps), Lang::kEn); break;
      }
      AppendElementPunctuation(en, ezh, e, elements);
      indep.elements.push_back(std::move(en));
      if (g == 0) zh += ezh;
    }
    if (g == 0) {
      out.claim1_zh = "1." + zh;
      out.claim1_en = "1. " + indep.preamble;
      for (const std::string& e : indep.elements) out.claim1_en += ' ' + e;
    }
    out.claims.push_back(std::move(indep));
    if (!all_claims) return;
    std::string subject;
    switch (kind) {
      case ClaimKind::kProduct: subject = "The $H according to "; break;
      case ClaimKind::kMethod: subject = "The $H method according to "; break;
      case ClaimKind::kMakingMethod: subject = "The method according to "; break;
      case ClaimKind::kDevice: subject = "The electronic device according to "; break;
      case ClaimKind::kMedium: subject = "The non-transitory computer-readable storage medium according to "; break;
      case ClaimKind::kSystem: subject = "The $X according to "; break;
    }
    size_t last_tail = SIZE_MAX;
    for (int c = begin + 1; c < end; ++c) {
      ClaimText dep;
      dep.num = c;
      dep.ref = (c == begin + 1 || rng.Bernoulli(0.7)) ? begin
                                                        : begin + 1 + static_cast<int>(rng.Uniform(
                                                                          static_cast<uint64_t>(c - begin - 1)));
      r.Begin();
      r.Render(dep.preamble, subject, Lang::kEn);
      std::span<const SV> tails;
      switch (kind) {
        case ClaimKind::kProduct:
        case ClaimKind::kSystem: tails = kProductDependents; break;
        case ClaimKind::kMethod:
        case ClaimKind::kMakingMethod: tails = kMethodDependents; break;
        case ClaimKind::kDevice:
        case ClaimKind::kMedium: tails = kDeviceDependents; break;
      }
      size_t t = rng.Uniform(tails.size());
      if (t == last_tail) t = (t + 1 + rng.Uniform(tails.size() - 1)) % tails.size();
      last_tail = t;
      r.Render(dep.tail, tails[t], Lang::kEn);
      out.claims.push_back(std::move(dep));
    }
  }
}

void TextComposer::AppendDescription(Random& rng, const DescriptionSpec& spec, std::string& out) const {
  Renderer r(picks_, rng, spec.figures);
  ParagraphWriter pw(out, spec.first_paragraph);
  int heading = 1;
  const bool method = picks_.head->kind == HeadKind::kMethod;
  auto sentences = [&](std::initializer_list<SV> templates) {
    bool first = true;
    for (SV t : templates) {
      r.Begin();
      if (!first) out += ' ';
      first = false;
      r.Render(out, t, Lang::kEn, true);
    }
  };
  auto paragraph_from = [&](std::span<const SV> pool, size_t count, SV lead = SV()) {
    pw.Open();
    size_t used[8];
    count = std::min({count, pool.size(), std::size(used)});
    if (!lead.empty()) {
      r.Begin();
      r.Render(out, lead, Lang::kEn, true);
    }
    for (size_t s = 0; s < count; ++s) {
      size_t k = rng.Uniform(pool.size());
      while (std::find(used, used + s, k) != used + s) k = (k + 1) % pool.size();
      used[s] = k;
      r.Begin();
      if (s || !lead.empty()) out += ' ';
      r.Render(out, pool[k], Lang::kEn, true);
    }
    pw.Close();
  };

  out += "<?BRFSUM description=\"Brief Summary\" end=\"lead\"?>\n";
  if (!spec.priority_text.empty()) {
    AppendHeading(out, heading, "CROSS-REFERENCE TO RELATED APPLICATIONS");
    pw.Open();
    out += "This application claims priority to ";
    out += spec.priority_text;
    out += ", the entire contents of which are incorporated herein by reference.";
    pw.Close();
  }
  AppendHeading(out, heading, "TECHNICAL FIELD");
  pw.Open();
  sentences({method ? SV("The present disclosure relates to the technical field of $D, and in particular, to $a $H "
                         "method and apparatus.")
                    : SV("The present disclosure relates to the technical field of $D, and in particular, to $a $H "
                         "and $a $X including the same.")});
  pw.Close();

  AppendHeading(out, heading, "BACKGROUND");
  const size_t background = spec.full_text ? 2 + rng.Uniform(3) : 1;
  for (size_t b = 0; b < background; ++b) {
    // One draw per statement: argument evaluation order is unspecified.
    const SV lead = b == 0 ? PickSV(rng, kBackgroundOpen) : SV();
    const size_t sentences_in_paragraph = 2 + rng.Uniform(3);
    paragraph_from(kBackground, sentences_in_paragraph, lead);
  }
  pw.Open();
  sentences({method ? SV("Therefore, there is a need for $a $H method that can $E0 and $E1.")
                    : SV("Therefore, there is a need for $a $H that can $E0 and $E1.")});
  pw.Close();

  AppendHeading(out, heading, "SUMMARY");
  pw.Open();
  sentences({method ? SV("An objective of the present disclosure is to provide $a $H method, so as to $E0.")
                    : SV("An objective of the present disclosure is to provide $a $H, so as to $E0.")});
  pw.Close();
  pw.Open();
  sentences({method ? SV("According to a first aspect of the present disclosure, $a $H method is provided, including: "
                         "$G0 $a $C0; $G1 the $C0 by using $a $C1; and $G2 $a $C2 according to a result of the "
                         "$G1.")
                    : SV("According to a first aspect of the present disclosure, $a $H is provided, including $a "
                         "$C0, $a $C1, and $a $C2.")});
  pw.Close();
  const size_t summary = spec.full_text ? 3 + rng.Uniform(5) : 1;
  for (size_t s = 0; s < summary; ++s) paragraph_from(kBody, 2 + rng.Uniform(3));
  pw.Open();
  sentences({"Compared with the related art, the technical solutions provided in the embodiments of the present "
             "disclosure have at least the following beneficial effects: $F0, $F1, and $F2."});
  pw.Close();
  out += "<?BRFSUM description=\"Brief Summary\" end=\"tail\"?>\n";

  out += "<?brief-description-of-drawings description=\"Brief Description of Drawings\" end=\"lead\"?>\n";
  out += "<description-of-drawings>\n";
  AppendHeading(out, heading, "BRIEF DESCRIPTION OF THE DRAWINGS");
  pw.Open();
  out += "To describe the technical solutions in the embodiments of the present disclosure more clearly, the "
         "following briefly describes the accompanying drawings required for describing the embodiments.";
  pw.Close();
  for (int f = 1; f <= spec.figures; ++f) {
    pw.Open();
    out += "<figref idref=\"DRAWINGS\">FIG. ";
    out += std::to_string(f);
    out += "</figref> ";
    r.Begin();
    r.Render(out, PickSV(rng, kFigureKinds), Lang::kEn);
    out += f == spec.figures ? "." : f + 1 == spec.figures ? "; and" : ";";
    pw.Close();
  }
  out += "</description-of-drawings>\n";
  out += "<?brief-description-of-drawings description=\"Brief Description of Drawings\" end=\"tail\"?>\n";

  out += "<?DETDESC description=\"Detailed Description\" end=\"lead\"?>\n";
  AppendHeading(out, heading, "DETAILED DESCRIPTION");
  pw.Open();
  out += "To make the objectives, technical solutions, and advantages of the embodiments of the present disclosure "
         "clearer, the following clearly and completely describes the technical solutions in the embodiments of the "
         "present disclosure with reference to the accompanying drawings. Apparently, the described embodiments are "
         "merely some rather than all of the embodiments of the present disclosure.";
  pw.Close();
  const size_t target = out.size() + (spec.full_text ? 2000 + rng.Uniform(9000) : 600 + rng.Uniform(900));
  const bool examples = spec.full_text && (picks_.area == kBattery || picks_.area == kMedical ||
                                           picks_.area == kSemiconductor) && rng.Bernoulli(0.6);
  const size_t body_end = examples ? target - std::min<size_t>(target - out.size(), 2500) : target;
  while (out.size() < body_end) paragraph_from(kBody, 3 + rng.Uniform(5));
  if (examples) {
    int example = 1;
    while (out.size() < target && example <= 6) {
      AppendHeading(out, heading, "Example " + std::to_string(example++), 2);
      paragraph_from(kExample, 2 + rng.Uniform(3));
    }
    AppendHeading(out, heading, "Comparative Example 1", 2);
    paragraph_from(kComparative, 2);
    pw.Open();
    out += "The test results of the examples and the comparative example are shown in Table 1.";
    AppendResultsTable(out, picks_, rng, example - 1);
    pw.Close();
  }
  pw.Open();
  out += "The foregoing descriptions are merely preferred embodiments of the present disclosure, and are not "
         "intended to limit the present disclosure. Any modification, equivalent replacement, or improvement made "
         "without departing from the spirit and principle of the present disclosure shall fall within the "
         "protection scope of the present disclosure.";
  pw.Close();
  out += "<?DETDESC description=\"Detailed Description\" end=\"tail\"?>\n";
}

std::string TextComposer::ArticleTitle(Random& rng) const {
  Renderer r(picks_, rng);
  static constexpr SV kTitles[] = {
      "$A0 $C0 for $F0",
      "A study of the $M0 of $A0 $C0",
      "$G0 the $C0 with $a $A0 $C1",
      "Effect of the $C0 on the $M0 of $A0 $C1",
  };
  std::string out;
  r.Render(out, PickSV(rng, kTitles), Lang::kEn, true);
  return out;
}

}  // namespace patnav::gen
