// A workflow as a state table: states, actions, the role that may take each
// transition, and the one rule every office workflow shares ("cannot X a
// <thing> that is S; allowed: ..." for a move the table lacks, "<X> is for
// the <role>" for the wrong role). Used by the credibility, complaint and
// case-file workflows (credit_states.h, complaint_states.h, case_states.h).
// Pure; header-only because it is a template over the three enums.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::domain {

template <typename S, typename A, typename R>
struct WorkflowTransition {
  S from;
  A action;
  S to;
  R role;
};

// The names of one workflow's states, actions and roles, and its table.
template <typename S, typename A, typename R>
struct Workflow {
  const char* thing;  // "credit record", "complaint", "case"
  std::span<const S> states;
  std::span<const A> actions;
  std::span<const WorkflowTransition<S, A, R>> table;
  const char* (*state_name)(S);
  const char* (*action_name)(A);
  const char* (*role_name)(R);

  std::vector<A> Allowed(S from) const {
    std::vector<A> out;
    for (const auto& t : table)
      if (t.from == from) out.push_back(t.action);
    return out;
  }
  std::string AllowedNames(S from) const {
    std::string out;
    for (A a : Allowed(from)) out += (out.empty() ? "" : ", ") + std::string(action_name(a));
    return out.empty() ? "none" : out;
  }
  bool IsFinal(S s) const { return Allowed(s).empty(); }

  // The state `action` leads to from `from` when taken by `role`:
  // FailedPrecondition naming the allowed actions, or PermissionDenied
  // naming the role the transition is for.
  Result<S> Next(S from, A action, R role) const {
    const WorkflowTransition<S, A, R>* found = nullptr;
    for (const auto& t : table)
      if (t.from == from && t.action == action) found = &t;
    if (found == nullptr)
      return Status::FailedPrecondition(std::string("cannot ") + action_name(action) + " a " + thing + " that is " +
                                        state_name(from) + "; allowed: " + AllowedNames(from));
    if (found->role != role)
      return Status::PermissionDenied(std::string(action_name(action)) + " of a " + state_name(from) + " " + thing +
                                      " is for the " + role_name(found->role) + ", not the " + role_name(role));
    return found->to;
  }

  Result<S> ParseState(std::string_view text) const { return ParseOne(text, states, state_name, "state"); }
  Result<A> ParseAction(std::string_view text) const { return ParseOne(text, actions, action_name, "action"); }

 private:
  template <typename E>
  Result<E> ParseOne(std::string_view text, std::span<const E> all, const char* (*name)(E), const char* what) const {
    std::string list;
    for (E e : all) {
      if (text == name(e)) return e;
      list += (list.empty() ? "" : ", ") + std::string(name(e));
    }
    return Status::InvalidArgument(std::string(thing) + " " + what + " '" + std::string(text) + "' is not one of " +
                                   list);
  }
};

}  // namespace patnav::domain
