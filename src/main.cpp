#include <cstdio>
int main() { std::puts("pydeb: not built yet"); return 1; }
