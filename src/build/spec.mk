# The symbolic instance of the specification's arithmetic needs Z3.
SUITE_LIBS_symbolic := -lz3
