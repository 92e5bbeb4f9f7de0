"""A merge moves every row that points at the duplicate: each relation to Person (hidden ones
included) has a rule in heard/people/merging.py RULES. A new table pointing at people fails
here until its rule is added (one line, e.g. `"spaces.Regular.person": unique_per("space")`):
otherwise deleting the duplicate would cascade its rows away."""

from heard.people.merging import RULES, missing_rules, person_relations


def test_every_relation_to_a_person_has_a_rule():
    assert missing_rules() == [], (
        "Add a merge rule to RULES in heard/people/merging.py for: " + ", ".join(missing_rules())
    )


def test_every_rule_names_a_relation_that_exists():
    relations = {label for label, _, _ in person_relations()}
    assert set(RULES) - relations == set()


def test_the_guard_sees_a_relation_left_without_a_rule():
    fewer = {label: rule for label, rule in RULES.items() if label != "smallgroups.Lock.person_b"}
    assert missing_rules(fewer) == ["smallgroups.Lock.person_b"]


def test_hidden_relations_are_walked_too():
    # related_name="+" hides these from Person._meta.related_objects.
    assert {"smallgroups.GroupSeat.person", "plans.PlanAction.owner_person"} <= {
        label for label, _, _ in person_relations()
    }
