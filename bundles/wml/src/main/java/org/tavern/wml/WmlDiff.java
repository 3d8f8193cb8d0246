package org.tavern.wml;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The WML diff language of the protocol ({@code [scenario_diff]}, {@code [gamelist_diff]}):
 * {@code [insert]} and {@code [delete]} for attributes, {@code [change_child]}, {@code [insert_child]}
 * and {@code [delete_child]} (each with an {@code index=} among the children of one name) for
 * elements. Applying follows the Wesnoth client's fixed order: inserted attributes, deleted
 * attributes, every change_child, every insert_child, then every delete_child.
 */
public final class WmlDiff {

    public static final String INSERT = "insert";
    public static final String DELETE = "delete";
    public static final String CHANGE_CHILD = "change_child";
    public static final String INSERT_CHILD = "insert_child";
    public static final String DELETE_CHILD = "delete_child";
    public static final String INDEX = "index";

    private WmlDiff() {
    }

    /**
     * Applies {@code diff} to {@code target}. Operations naming an element that does not exist are
     * skipped (a peer's diff must never break the server's copy); returns false if any was skipped.
     */
    public static boolean apply(Node target, Node diff) {
        boolean complete = true;
        Node insert = diff.child(INSERT);
        if (insert != null) {
            for (Attribute a : insert.attributes) {
                target.copyAttr(insert, a.key());
            }
        }
        Node delete = diff.child(DELETE);
        if (delete != null) {
            for (Attribute a : delete.attributes) {
                target.remove(a.key());
            }
        }
        for (Node change : diff.children(CHANGE_CHILD)) {
            int index = change.toInt(INDEX, 0);
            for (Node inner : change.children) {
                Node child = target.child(inner.name(), index);
                if (child == null) {
                    complete = false;
                } else {
                    complete &= apply(child, inner);
                }
            }
        }
        for (Node insertChild : diff.children(INSERT_CHILD)) {
            int index = insertChild.toInt(INDEX, 0);
            for (Node inner : insertChild.children) {
                if (index < 0 || index > target.count(inner.name())) {
                    complete = false;
                } else {
                    target.addCopyAt(inner, index);
                }
            }
        }
        for (Node deleteChild : diff.children(DELETE_CHILD)) {
            int index = deleteChild.toInt(INDEX, 0);
            for (Node inner : deleteChild.children) {
                complete &= target.removeChild(inner.name(), index);
            }
        }
        return complete;
    }

    /** Adds {@code [insert_child] index=N [tag]<copy of item>[/tag]} to {@code diff}. */
    public static Node insertChild(Node diff, int index, Node item) {
        Node op = diff.addChild(INSERT_CHILD).set(INDEX, index);
        return op.addCopy(item);
    }

    /** Adds {@code [delete_child] index=N [tag][/tag]} to {@code diff}. */
    public static void deleteChild(Node diff, int index, String tag) {
        diff.addChild(DELETE_CHILD).set(INDEX, index).addChild(tag);
    }

    /** Adds {@code [change_child] index=N [tag]...[/tag]} and returns the inner element to fill. */
    public static Node changeChild(Node diff, int index, String tag) {
        return diff.addChild(CHANGE_CHILD).set(INDEX, index).addChild(tag);
    }

    /**
     * Builds a diff that turns {@code from} into {@code to}, comparing the children of each name by
     * position (changed ones become change_child, extra ones insert_child or delete_child).
     */
    public static Document between(Node from, Node to) {
        Document result = Document.create();
        fill(result.root(), from, to);
        return result;
    }

    private static void fill(Node diff, Node from, Node to) {
        Node inserted = null;
        for (String key : to.attributeNames()) {
            String value = to.attr(key);
            if (!value.equals(from.attr(key))) {
                if (inserted == null) {
                    inserted = diff.addChild(INSERT);
                }
                inserted.copyAttr(to, key);
            }
        }
        Node deleted = null;
        for (String key : from.attributeNames()) {
            if (!to.has(key)) {
                if (deleted == null) {
                    deleted = diff.addChild(DELETE);
                }
                deleted.setRaw(key, "x");
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        for (Node child : from.children) {
            tags.add(child.name());
        }
        for (Node child : to.children) {
            tags.add(child.name());
        }
        for (String tag : tags) {
            List<Node> before = from.children(tag);
            List<Node> after = to.children(tag);
            int common = Math.min(before.size(), after.size());
            for (int i = 0; i < common; i++) {
                if (!before.get(i).contentEquals(after.get(i))) {
                    fill(changeChild(diff, i, tag), before.get(i), after.get(i));
                }
            }
            for (int i = common; i < after.size(); i++) {
                insertChild(diff, i, after.get(i));
            }
            // Applied in document order, so delete from the end to keep indices valid.
            for (int i = before.size() - 1; i >= common; i--) {
                deleteChild(diff, i, tag);
            }
        }
    }
}
