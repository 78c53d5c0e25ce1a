# What scripts test for: exit codes, the exact refusals, valid attributes before invalid ones.
nodedefine cx1
nodedefine cx1
echo "nodedefine again: exit $?"
nodelist cx9
echo "nodelist unknown: exit $?"
noderemove cx9
echo "noderemove unknown: exit $?"
nodeattrib cx1 -c -p info.note 2>&1 | head -1
nodeattrib
echo "no noderange: exit $?"
nodeattrib cx1 location.rack=4 foo.bar=1
echo "one invalid of two: exit $?"
nodeattrib cx1 location.rack foo.bar
echo "show one invalid: exit $?"
nodelist ''
echo "empty noderange: exit $?"
noderemove cx1 -m 0
echo "no terminal for -m: exit $?"
nodelist cx1
