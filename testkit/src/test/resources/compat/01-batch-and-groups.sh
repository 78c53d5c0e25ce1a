# Defining a rack the way confluent sites script it: groups named on the nodes are created,
# a batch file of attr=value words for the noderange of the command line, comma lists of groups.
nodegroupdefine compute,storage
nodedefine 'r1u[01-03]' groups=rack1,compute
echo "exit $?"
nodegroupattrib rack1 nodes
cat > rack.batch <<'BATCH'
# rack 1 layout
location.rack=1 location.room="hall a"   # the room has a blank
location.u={n2}
BATCH
nodeattrib r1u01,r1u02 -s rack.batch
echo "exit $?"
nodeattrib r1u02 location.u -b
nodegroupattrib rack1 location.u='{n2}'
nodegroupattrib rack1 location.u
nodelist rack1 --delim ,
nodelist rack1 -d ' '
nodegroupremove compute,storage
echo "exit $?"
nodeattrib r1u01 groups
