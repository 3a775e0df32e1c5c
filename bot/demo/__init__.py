"""`nhacviec demo`: the real engine and conversation core on an example plan, offline."""
