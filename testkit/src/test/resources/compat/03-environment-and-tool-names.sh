# The original's environment variables and tool names: CONFLUENT_HOST naming the socket, a
# symlink named like a tool pointing at the launcher.
unset CONFLUENT_SOCKET
CONFLUENT_HOST="$COMPAT_SOCKET" nodedefine ev1 info.note='set over the socket named by CONFLUENT_HOST'
mkdir -p links
ln -s "$COMPAT_BIN/confluentctl" links/nodeattrib
CONFLUENT_HOST="$COMPAT_SOCKET" links/nodeattrib ev1 info.note
CONFLUENT_HOST="$COMPAT_SOCKET" confluentctl noderemove ev1
