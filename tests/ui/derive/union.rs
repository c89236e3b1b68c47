// ApiError is for enums and structs: a union is an error on its name.
#[derive(hero_codes::ApiError)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
